import { describe, expect, it } from 'vitest';
import { bundledCorpus, bundledStory } from '../../../../server/corpus/corpus-test-kit';
import { buildClaimList, stepClaim, storyTopics } from './claim-rows';
import { joinNames } from './join-names';
import { buildPaneModel, claimsOf, claimToSelect, navigationTargets } from './pane-marks';
import { resolvePanes } from './resolve-panes';

const story = bundledCorpus().stories[0]!;
const { bundle, index } = bundledStory();
const [INN, IBT, JPOST, NYT, TOI] = bundle.articles.map((a) => a.id) as [string, string, string, string, string];
const DEAL = 'us-accepts-rafah-for-no-iran-strike';

describe('resolvePanes', () => {
  it('keeps the articles the link names, in order, and reports unknown ones', () => {
    expect(resolvePanes([NYT, 'nope', INN], null, bundle.articles, index)).toEqual({
      panes: [NYT, INN],
      unknown: ['nope'],
      overflow: [],
      chosen: false,
    });
  });

  it('shows every article of a seven-id link with two wrong ids, and names those beyond five', () => {
    const all = [...index.articles.keys()];
    expect(all).toHaveLength(5);
    const linked = [all[0]!, 'nope', all[1]!, all[2]!, 'gone', all[3]!, all[4]!];
    expect(resolvePanes(linked, null, bundle.articles, index)).toEqual({
      panes: all,
      unknown: ['nope', 'gone'],
      overflow: [],
      chosen: false,
    });
    const sixth = { ...index.articles.get(all[0]!)!, id: 'sixth' };
    const larger = { ...index, articles: new Map([...index.articles, ['sixth', sixth]]) };
    expect(resolvePanes([...all, 'sixth'], null, bundle.articles, larger)).toEqual({
      panes: all,
      unknown: [],
      overflow: ['sixth'],
      chosen: false,
    });
  });

  it('opens the first two articles without a choice', () => {
    expect(resolvePanes([], null, bundle.articles, index)).toEqual({
      panes: [INN, IBT],
      unknown: [],
      overflow: [],
      chosen: true,
    });
  });

  it('opens a supporting and an opposing article for a selected claim', () => {
    expect(resolvePanes([], DEAL, bundle.articles, index).panes).toEqual([INN, IBT]);
    // Only supporting coverage: the first two articles that carry it.
    expect(resolvePanes([], 'us-concerns-rafah', bundle.articles, index).panes).toEqual([INN, JPOST]);
    // Carried by one article: it, then the story's first.
    expect(resolvePanes([], 'may-fixed-corridors', bundle.articles, index).panes).toEqual([TOI, INN]);
    expect(resolvePanes([], 'no-such-claim', bundle.articles, index).panes).toEqual([INN, IBT]);
  });
});

describe('buildClaimList', () => {
  const none = { topics: [], stances: [], q: '' };

  it('puts the claims of the open articles first, with their stances there', () => {
    const list = buildClaimList(bundle.claims, index, [INN, IBT], none);
    expect(list.total).toBe(bundle.claims.length);
    expect(list.items[0]).toEqual({ kind: 'group', label: 'In the open articles', count: expect.any(Number) });
    const deal = list.items.find((item) => item.kind === 'claim' && item.row.claim.id === DEAL);
    expect(deal?.kind === 'claim' && deal.row).toMatchObject({ stances: ['reports', 'denies'], silentPanes: 0 });
    const groups = list.items
      .filter((item) => item.kind === 'group')
      .map((item) => item.kind === 'group' && item.label);
    expect(groups).toEqual(['In the open articles', 'Elsewhere in the story']);
    expect(list.order).toHaveLength(bundle.claims.length);
  });

  it('filters by topic, by stance in the open articles (silent included) and by text', () => {
    const byTopic = buildClaimList(bundle.claims, index, [INN, IBT], { ...none, topics: ['Reported deal'] });
    expect(byTopic.order).toEqual([DEAL, 'white-house-declined-comment-deal', 'no-green-light-regardless-of-iran']);
    const denied = buildClaimList(bundle.claims, index, [INN, IBT], { ...none, stances: ['denies'] });
    expect(denied.order).toEqual([DEAL]);
    const silentInNyt = buildClaimList(bundle.claims, index, [NYT], { ...none, stances: ['silent'] });
    expect(silentInNyt.total).toBe(
      bundle.claims.length - new Set(index.mentionsByArticle.get(NYT)?.map((m) => m.claim)).size,
    );
    expect(buildClaimList(bundle.claims, index, [INN], { ...none, q: 'LEAFLETS' }).order).toEqual([
      'idf-leaflets-not-dropped',
    ]);
    expect(buildClaimList(bundle.claims, index, [INN], { ...none, q: 'nothing like this' }).items).toEqual([]);
  });

  it('lists the topics in story order', () => {
    expect(storyTopics(bundle.claims).slice(0, 3)).toEqual(['SCG meetings', '18 April meeting', 'Reported deal']);
  });
});

describe('stepClaim', () => {
  it('moves through the list, stops at its ends and starts from either end', () => {
    expect(stepClaim(['a', 'b', 'c'], 'b', 1)).toBe('c');
    expect(stepClaim(['a', 'b', 'c'], 'c', 1)).toBe('c');
    expect(stepClaim(['a', 'b', 'c'], 'a', -1)).toBe('a');
    expect(stepClaim(['a', 'b', 'c'], null, 1)).toBe('a');
    expect(stepClaim(['a', 'b', 'c'], 'hidden', -1)).toBe('c');
    expect(stepClaim([], null, 1)).toBeNull();
  });
});

describe('pane marks', () => {
  const jpost = story.articles[2];
  if (!jpost) throw new Error('no Jerusalem Post article');
  const model = buildPaneModel(
    jpost.id,
    jpost.paragraphs,
    index.mentionsByArticle.get(jpost.id) ?? [],
    bundle.passages.filter((passage) => passage.spans.some((span) => span.article === jpost.id)),
  );

  it('lays every evidence span and shared passage of the article over its text, in reading order', () => {
    const evidence = model.marks.filter((m) => m.kind === 'evidence');
    const spans = (index.mentionsByArticle.get(jpost.id) ?? []).reduce((n, m) => n + m.spans.length, 0);
    expect(evidence).toHaveLength(spans);
    expect(model.marks.some((m) => m.kind === 'passage')).toBe(true);
    expect(model.marks.map((m) => m.start)).toEqual([...model.marks.map((m) => m.start)].sort((a, b) => a - b));
    for (let i = 0; i < model.marks.length; i += 1) expect(model.layout.firstSegment[i]).not.toBeNull();
  });

  it('steps through the selected claim’s spans, or every highlight', () => {
    const ofDeal = navigationTargets(model, DEAL);
    // The Jerusalem Post's one sentence for the deal: the deputy spokesperson's "regardless".
    expect(ofDeal.map((i) => model.marks[i]?.kind === 'evidence' && model.marks[i].claim)).toEqual([DEAL]);
    expect(navigationTargets(model, null).length).toBeGreaterThan(ofDeal.length);
    expect(navigationTargets(model, 'a-claim-it-lacks')).toEqual(navigationTargets(model, null));
  });

  it('cycles through the claims on the same words', () => {
    const where = model.layout.firstSegment[navigationTargets(model, DEAL)[0] as number];
    const over = model.layout.paragraphs[where?.paragraph ?? 0]?.segments[where?.segment ?? 0]?.marks ?? [];
    const claims = claimsOf(model.marks, over);
    expect(claims).toEqual(['no-green-light-regardless-of-iran', DEAL]);
    expect(claimToSelect(claims, null)).toBe('no-green-light-regardless-of-iran');
    expect(claimToSelect(claims, 'no-green-light-regardless-of-iran')).toBe(DEAL);
    expect(claimToSelect(claims, DEAL)).toBe('no-green-light-regardless-of-iran');
    expect(claimToSelect([], DEAL)).toBeNull();
  });
});

describe('joinNames', () => {
  it('joins names as a sentence does', () => {
    expect([joinNames([]), joinNames(['A']), joinNames(['A', 'B']), joinNames(['A', 'B', 'C'])]).toEqual([
      '',
      'A',
      'A and B',
      'A, B and C',
    ]);
  });
});
