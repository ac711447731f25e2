import {
  lazy,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  Suspense,
  type CSSProperties,
  type KeyboardEvent,
} from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { QueryStatus } from '@/components/query-status';
import { canEditVerdicts, type ArticleUpdate, type StanceCell } from '@/domain/schemas';
import type { AnyStoryIndex, StoryParts } from '@/domain/story-index';
import type { StanceFilter, UrlState } from '@/domain/url-state';
import type { NavigateOptions } from '@/lib/router/location-store';
import { sessionQueries } from '@/lib/api/session-queries';
import { cachedPassage, storyPartQueries } from '@/lib/api/story-part-queries';
import { useStoryOverview } from '@/lib/story/use-story-data';
import { hrefFor, useUrlState } from '@/lib/url-state/use-url-state';
import { articleQueries } from '../api/article-queries';
import { isTypingTarget } from '../dom';
import { useFollowedPassage } from '../hooks/use-followed-passage';
import { buildClaimList, stepClaim, storyTopics, type ClaimFilters } from '../model/claim-rows';
import { joinNames } from '../model/join-names';
import { MAX_PANES, resolvePanes } from '../model/resolve-panes';
import { useSourcesUi } from '../store/sources-ui-store';
import { Announcer } from './announcer';
import { ArticlePicker } from './article-picker';
import { ClaimList } from './claim-list';
import {
  LazyKeysList,
  LazyLegend,
  LazyPassageBar,
  LazyRemovedArticles,
  LazySelectedClaim,
  preloadExtras,
} from './lazy-extras';
import './sources-view.css';

// The panes' code loads beside the article texts and evidence (prefetched below), not before the lists can show.
const ArticlePane = lazy(() => import('./article-pane').then((m) => ({ default: m.ArticlePane })));

const paneTexts = () => [...document.querySelectorAll<HTMLElement>('.panes > .pane .pane__body')];

/** Moves focus to the text of the next (or previous) pane, from wherever focus is; wraps around. */
function focusPaneText(from: EventTarget, direction: 1 | -1) {
  const texts = paneTexts();
  if (texts.length === 0) return;
  const at = from instanceof Node ? texts.findIndex((text) => text.closest('.pane')?.contains(from)) : -1;
  const next = at === -1 ? (direction === 1 ? 0 : texts.length - 1) : (at + direction + texts.length) % texts.length;
  texts[next]?.focus();
}

/** The skip link lands in the first pane's text, where reading (and n / p) starts. */
function skipToPanes(event: { preventDefault: () => void }) {
  const first = paneTexts()[0];
  if (!first) return;
  event.preventDefault();
  first.focus();
}

/**
 * Sources: two to five articles side by side, the claims beside them, evidence marked in the
 * text. The lists, filters and selected claim read the story's overview (who says what); each
 * open pane reads its own article's evidence, and nothing reads the evidence of closed ones.
 */
export function SourcesView() {
  const data = useStoryOverview();
  if (data.status !== 'success') return <QueryStatus {...data} what="the story" />;
  return <SourcesWorkspace bundle={data.bundle} index={data.index} />;
}

function SourcesWorkspace({ bundle, index }: { bundle: StoryParts<StanceCell>; index: AnyStoryIndex }) {
  const { state, setUrlState } = useUrlState();
  const announce = useSourcesUi((s) => s.announce);

  const resolved = resolvePanes(state.panes, state.claim, bundle.articles, index);
  // Decoding the URL makes new arrays on every change; key the derived data on their contents.
  const paneKey = resolved.panes.join(',');
  const panes = useMemo(() => (paneKey === '' ? [] : paneKey.split(',')), [paneKey]);
  const filterKey = JSON.stringify([state.topics, state.stances, state.q]);
  const filters = useMemo((): ClaimFilters => {
    const [topics, stances, q] = JSON.parse(filterKey) as [string[], StanceFilter[], string];
    return { topics, stances, q };
  }, [filterKey]);
  const list = useMemo(() => buildClaimList(bundle.claims, index, panes, filters), [bundle, index, panes, filters]);
  const topics = useMemo(() => storyTopics(bundle.claims), [bundle]);
  // A claim id the story does not have selects nothing (the shell names it), so no pane
  // claims to "not mention" it.
  const selectedClaim = state.claim !== null && index.claims.has(state.claim) ? state.claim : null;
  const hiddenByFilters = selectedClaim !== null && !list.order.includes(selectedClaim);
  const storyId = bundle.story.id;
  const { passage: linkedPassage, unknown: unknownPassage } = useFollowedPassage(storyId, state.passage);
  const updates = useMemo(
    () => new Map<string, ArticleUpdate>((bundle.articleUpdates ?? []).map((u) => [u.article, u])),
    [bundle],
  );
  const session = useQuery(sessionQueries.current());
  const editor = session.data?.user ? canEditVerdicts(session.data.user.role) : false;

  const outletName = useCallback(
    (articleId: string) => {
      const meta = index.articles.get(articleId);
      return (meta && index.outlets.get(meta.outlet)?.name) ?? meta?.title ?? articleId;
    },
    [index],
  );

  // Handlers read the latest view through a ref, so that they stay the same function and the
  // memoized panes do not re-render when an unrelated part of the URL changes.
  const latest = useRef({ state, setUrlState, panes, chosen: resolved.chosen, order: list.order });
  useLayoutEffect(() => {
    latest.current = { state, setUrlState, panes, chosen: resolved.chosen, order: list.order };
  });
  const focusAfterClose = useRef<number | null>(null);
  useEffect(preloadExtras, []);
  const queryClient = useQueryClient();
  useEffect(() => {
    for (const id of panes) void queryClient.prefetchQuery(articleQueries.detail(id, updates.get(id)?.version));
  }, [panes, queryClient, updates]);
  // Each pane's evidence too, unless it is cached already: a pane opened or a story changed
  // refetches no other pane's (what a change touched is refetched by its own invalidation).
  useEffect(() => {
    for (const id of panes) {
      void queryClient.ensureQueryData(storyPartQueries.evidence(storyId, { article: id })).catch(() => undefined);
    }
  }, [panes, queryClient, storyId]);

  /** Writes the URL; panes the view chose by itself are written out, so they stay put from now on. */
  const write = useCallback((patch: Partial<UrlState>, options?: NavigateOptions) => {
    const { setUrlState: set, panes: current, chosen } = latest.current;
    set({ ...(chosen ? { panes: current } : {}), ...patch }, options);
  }, []);

  const selectClaim = useCallback(
    (claim: string, fromArticle?: string) => {
      useSourcesUi.getState().setSelectionOrigin(fromArticle ? { claim, article: fromArticle } : null);
      write({ claim });
    },
    [write],
  );
  const step = useCallback(
    (direction: 1 | -1) => {
      const { state: current, order } = latest.current;
      const next = stepClaim(order, current.claim, direction);
      if (next === null) announce('No claim matches the filters.');
      else if (next === current.claim)
        announce(direction === 1 ? 'This is the last claim.' : 'This is the first claim.');
      else selectClaim(next);
    },
    [announce, selectClaim],
  );
  const clearClaim = useCallback(() => write({ claim: null }), [write]);
  const openPane = useCallback(
    (articleId: string) => {
      const current = latest.current.panes;
      if (current.includes(articleId)) return;
      if (current.length >= MAX_PANES) {
        announce(`${MAX_PANES} articles are open: close one first.`);
        return;
      }
      write({ panes: [...current, articleId] });
      announce(`${outletName(articleId)} opened in pane ${current.length + 1}.`);
    },
    [announce, outletName, write],
  );
  const closePane = useCallback(
    (articleId: string) => {
      const current = latest.current.panes;
      const at = current.indexOf(articleId);
      if (at === -1) return;
      focusAfterClose.current = Math.min(at, current.length - 2);
      write({ panes: current.filter((id) => id !== articleId) });
      announce(`${outletName(articleId)} closed.`);
    },
    [announce, outletName, write],
  );
  const togglePane = useCallback(
    (articleId: string) => (latest.current.panes.includes(articleId) ? closePane(articleId) : openPane(articleId)),
    [closePane, openPane],
  );
  const movePane = useCallback(
    (articleId: string, direction: -1 | 1) => {
      const current = [...latest.current.panes];
      const from = current.indexOf(articleId);
      const to = from + direction;
      if (from === -1 || to < 0 || to >= current.length) return;
      current[from] = current[to] as string;
      current[to] = articleId;
      write({ panes: current });
      announce(`${outletName(articleId)} moved to position ${to + 1} of ${current.length}.`);
    },
    [announce, outletName, write],
  );
  const followPassage = useCallback(
    (passageId: string, fromArticle: string) => {
      useSourcesUi.getState().followPassage(passageId, fromArticle);
      write({ passage: passageId });
      // Followed from a pane, whose evidence holds it.
      const passage = cachedPassage(queryClient, storyId, passageId);
      const carriers = [...new Set(passage?.spans.map((span) => span.article))].filter((id) => id !== fromArticle);
      const open = carriers.filter((id) => latest.current.panes.includes(id)).map(outletName);
      const closed = carriers.filter((id) => !latest.current.panes.includes(id)).map(outletName);
      announce(
        [
          open.length > 0
            ? `Shared passage shown in ${joinNames(open)}.`
            : 'No other open article carries this passage.',
          closed.length > 0 ? `Also in ${joinNames(closed)}, not open.` : '',
        ]
          .filter(Boolean)
          .join(' '),
      );
    },
    [announce, outletName, queryClient, storyId, write],
  );
  const closePassage = useCallback(() => {
    useSourcesUi.getState().clearPassage();
    write({ passage: null });
  }, [write]);
  // The followed passage is part of the link: one opened from a URL (or by going back) is followed
  // as if clicked, in every open pane that carries it, once it is known.
  // Only a change of the URL is answered here, so a passage just followed is not undone before
  // its URL is written.
  const passageInUrl = useRef<string | null>(null);
  useEffect(() => {
    if (state.passage === passageInUrl.current) return;
    const ui = useSourcesUi.getState();
    if (state.passage === null) {
      if (ui.passageFocus) ui.clearPassage();
    } else if (ui.passageFocus?.passage !== state.passage) {
      if (linkedPassage?.id !== state.passage) return;
      ui.followPassage(state.passage, '');
    }
    passageInUrl.current = state.passage;
  }, [state.passage, linkedPassage]);
  const filter = useCallback((patch: Partial<ClaimFilters>) => write(patch, { replace: true }), [write]);
  const chooseFromList = useCallback(() => useSourcesUi.getState().setSelectionOrigin(null), []);

  // Closing a pane hands focus to the pane that took its place, not to the top of the page.
  useEffect(() => {
    const at = focusAfterClose.current;
    if (at === null) return;
    focusAfterClose.current = null;
    const pane = document.querySelectorAll<HTMLElement>('.panes > .pane')[Math.max(0, at)];
    pane?.querySelector<HTMLElement>('.pane__close, .pane__body')?.focus();
  }, [panes]);

  // A new selection is announced with how the open articles treat it.
  const announced = useRef<string | null>(null);
  useEffect(() => {
    if (state.claim === announced.current) return;
    announced.current = state.claim;
    if (state.claim === null) return;
    const claim = index.claims.get(state.claim);
    if (!claim) return;
    const mentions = index.mentionsByClaim.get(claim.id) ?? [];
    const silent = panes.filter((id) => !mentions.some((m) => m.article === id)).map(outletName);
    announce(
      `Selected: ${claim.text} Evidence in ${panes.length - silent.length} of ${panes.length} open articles` +
        (silent.length > 0 ? `; not mentioned by ${joinNames(silent)}.` : '.'),
    );
  }, [state.claim, index, panes, outletName, announce]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!useSourcesUi.getState().shortcuts) return;
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || isTypingTarget(event.target))
      return;
    if (event.key === 'j' || event.key === 'k') {
      event.preventDefault();
      step(event.key === 'j' ? 1 : -1);
    } else if (event.key === ']' || event.key === '[') {
      event.preventDefault();
      focusPaneText(event.target, event.key === ']' ? 1 : -1);
    }
  };

  // Links to claims do not depend on the selected claim, so the list need not re-draw them on selection.
  const linkBase = JSON.stringify({ ...state, ...(resolved.chosen ? { panes } : {}), claim: null });
  const hrefForClaim = useMemo(() => {
    const base = JSON.parse(linkBase) as UrlState;
    return (claim: string) => hrefFor(base, { claim });
  }, [linkBase]);

  return (
    <div className="sources" onKeyDown={onKeyDown}>
      <a className="skip-link" href="#sources-panes" onClick={skipToPanes}>
        Skip to the articles’ text
      </a>
      <div className="sources__side">
        <ArticlePicker articles={bundle.articles} index={index} panes={panes} onToggle={togglePane} />
        <ClaimList
          list={list}
          claimCount={bundle.claims.length}
          topics={topics}
          filters={filters}
          selectedClaim={state.claim}
          hrefForClaim={hrefForClaim}
          onChooseClaim={chooseFromList}
          onFilter={filter}
        />
      </div>
      <div className="sources__main">
        <Suspense fallback={null}>
          <LazyRemovedArticles />
        </Suspense>
        <div className="sources__toolbar">
          <Suspense fallback={<span />}>
            <LazyLegend />
          </Suspense>
          <details className="keys-help">
            <summary>Keys</summary>
            <Suspense fallback={<p role="status">Loading…</p>}>
              <LazyKeysList />
            </Suspense>
          </details>
        </div>
        <Suspense fallback={<div className="selected-claim" />}>
          <LazySelectedClaim
            claimId={state.claim}
            index={index}
            panes={panes}
            claimHref={state.claim ? hrefFor(state, { view: 'claim', claim: state.claim }) : null}
            onStep={step}
            onClear={clearClaim}
            onOpen={openPane}
          />
        </Suspense>
        <Suspense fallback={null}>
          <LazyPassageBar
            passage={linkedPassage}
            index={index}
            panes={panes}
            onOpen={openPane}
            onClose={closePassage}
          />
        </Suspense>
        {hiddenByFilters ? (
          <p className="sources__notice" role="status">
            The filters leave the selected claim out of the list; it is still shown in the articles.{' '}
            <button type="button" onClick={() => filter({ topics: [], stances: [], q: '' })}>
              Clear the filters
            </button>
          </p>
        ) : null}
        {unknownPassage ? (
          <p className="sources__notice" role="status">
            No shared passage {state.passage} in this story, so none is shown.
          </p>
        ) : null}
        {resolved.unknown.length > 0 ? (
          <p className="sources__notice" role="status">
            Not in this story, so not shown: {resolved.unknown.join(', ')}.
          </p>
        ) : null}
        {resolved.overflow.length > 0 ? (
          <p className="sources__notice" role="status">
            Only {MAX_PANES} articles fit side by side, so not shown: {resolved.overflow.map(outletName).join(', ')}.
          </p>
        ) : null}
        <div
          className="panes"
          id="sources-panes"
          tabIndex={-1}
          style={{ '--pane-count': panes.length } as CSSProperties}
        >
          {panes.map((id, position) => {
            const meta = index.articles.get(id);
            if (!meta) return null;
            return (
              // A boundary per pane: a pane that closes while its code loads takes its boundary with it.
              <Suspense key={id} fallback={<p role="status">Loading the article…</p>}>
                <ArticlePane
                  meta={meta}
                  outlet={index.outlets.get(meta.outlet)}
                  index={index}
                  selectedClaim={selectedClaim}
                  position={position}
                  count={panes.length}
                  onMove={movePane}
                  onClose={panes.length > 1 ? closePane : undefined}
                  onSelectClaim={selectClaim}
                  onFollowPassage={followPassage}
                  update={updates.get(id)}
                  editor={editor}
                  search={filters.q}
                />
              </Suspense>
            );
          })}
        </div>
      </div>
      <Announcer />
    </div>
  );
}
