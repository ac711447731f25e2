import { useQuery } from '@tanstack/react-query';
import {
  memo,
  Suspense,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
} from 'react';
import { QueryStatus } from '@/components/query-status';
import type { ArticleMeta, ArticleUpdate, Mention, Outlet, Passage, StanceCell } from '@/domain/schemas';
import type { AnyStoryIndex } from '@/domain/story-index';
import { findTextHits } from '@/domain/text-search';
import { storyPartQueries } from '@/lib/api/story-part-queries';
import { articleQueries } from '../api/article-queries';
import { isTypingTarget, scrollWithin } from '../dom';
import { parseSegment } from '../hooks/segment-elements';
import { useEvidenceTip } from '../hooks/use-evidence-tip';
import { useMarkCursor } from '../hooks/use-mark-cursor';
import { useRevealInPane } from '../hooks/use-reveal-in-pane';
import { labelPassages } from '../model/passage-labels';
import { buildPaneModel, claimsOf, claimToSelect } from '../model/pane-marks';
import { useSourcesUi } from '../store/sources-ui-store';
import { LazyArticleVersions, LazyEvidenceTip, LazyPaneDesk, preloadExtras } from './lazy-extras';
import { PaneBanner } from './pane-banner';
import { PaneHeader } from './pane-header';
import { PaneNav } from './pane-nav';
import { PaneSearch } from './pane-search';
import { hitsByParagraph, PaneText } from './pane-text';

const NO_MENTIONS: readonly Mention[] = [];
const NO_CELLS: readonly StanceCell[] = [];
const NO_PASSAGES: readonly Passage[] = [];

export type ArticlePaneProps = {
  meta: ArticleMeta;
  outlet: Outlet | undefined;
  index: AnyStoryIndex;
  selectedClaim?: string | null;
  /** Place among the panes, from 0, and how many there are. */
  position?: number;
  count?: number;
  onMove?: (articleId: string, step: -1 | 1) => void;
  onClose?: (articleId: string) => void;
  onSelectClaim?: (claim: string, fromArticle: string) => void;
  onFollowPassage?: (passage: string, fromArticle: string) => void;
  /** Set when the article was updated since first stored: its current text version. */
  update?: ArticleUpdate;
  /** Whether the reader may post a new version of the article. */
  editor?: boolean;
  /** The view's search: its words are marked in the text, with previous and next. */
  search?: string;
};

/**
 * One article: its header, how it treats the selected claim, and its text with the evidence marked.
 * The pane reads its own article's evidence (mentions with their spans, the shared passages in
 * it) beside its text; how it treats the selected claim shows from the overview at once.
 * The text's tooltip (useEvidenceTip), stepping through its highlights (useMarkCursor) and scrolling
 * to what was chosen elsewhere (useRevealInPane) are hooks; this component wires the text's events.
 */
export const ArticlePane = memo(function ArticlePane({
  meta,
  outlet,
  index,
  selectedClaim = null,
  position = 0,
  count = 1,
  onMove,
  onClose,
  onSelectClaim,
  onFollowPassage,
  update,
  editor = false,
  search = '',
}: ArticlePaneProps) {
  const article = useQuery(articleQueries.detail(meta.id, update?.version));
  const evidence = useQuery(storyPartQueries.evidence(meta.story, { article: meta.id }));
  const mentions = evidence.data?.mentions ?? NO_MENTIONS;
  const passages = evidence.data?.passages ?? NO_PASSAGES;
  const cells = index.mentionsByArticle.get(meta.id) ?? NO_CELLS;
  const name = outlet?.name ?? meta.outlet;
  const headingId = `pane-${meta.id}`;
  const tipId = useId();
  const bodyRef = useRef<HTMLDivElement>(null);
  const paneRef = useRef<HTMLElement>(null);
  useEffect(preloadExtras, []);

  // Text and evidence are drawn together, so that the text never shows first without its marks.
  const model = useMemo(
    () =>
      article.data && evidence.data
        ? buildPaneModel(meta.id, article.data.paragraphs, evidence.data.mentions, evidence.data.passages)
        : null,
    [article.data, evidence.data, meta.id],
  );
  const passageLabels = useMemo(() => labelPassages(passages, meta.id, index), [passages, meta.id, index]);
  const claimCells = useMemo(
    () => (selectedClaim === null ? NO_CELLS : cells.filter((cell) => cell.claim === selectedClaim)),
    [cells, selectedClaim],
  );
  const claimSpans = evidence.data
    ? mentions
        .filter((m) => m.claim === selectedClaim)
        .reduce((n, m) => n + m.spans.filter((s) => s.article === meta.id).length, 0)
    : null;
  const hits = useMemo(
    () => (article.data ? findTextHits(article.data.body, article.data.paragraphs, search) : []),
    [article.data, search],
  );
  const paragraphHits = useMemo(() => (model ? hitsByParagraph(model.layout.paragraphs, hits) : []), [model, hits]);
  const [hitCursor, setHitCursor] = useState<{ search: string; hit: number } | null>(null);
  // A new search starts the count again.
  const currentHit = hitCursor && hitCursor.search === search && hitCursor.hit < hits.length ? hitCursor.hit : -1;
  const stepHit = (direction: 1 | -1) => {
    if (hits.length === 0) return;
    const next =
      currentHit === -1
        ? direction === 1
          ? 0
          : hits.length - 1
        : (currentHit + direction + hits.length) % hits.length;
    setHitCursor({ search, hit: next });
    const body = bodyRef.current;
    const element = body?.querySelector<HTMLElement>(`[data-hit="${next}"]`);
    if (!body || !element) return;
    element.focus({ preventScroll: true });
    scrollWithin(body, element);
  };

  const tip = useEvidenceTip(bodyRef, model);
  const cursor = useMarkCursor(bodyRef, model, selectedClaim, tip.show);

  const shortcuts = useSourcesUi((s) => s.shortcuts);
  const passageFocus = useSourcesUi((s) => s.passageFocus);
  const activePassage =
    passageFocus && passages.some((p) => p.id === passageFocus.passage) ? passageFocus.passage : null;
  useRevealInPane(bodyRef, model, meta.id, selectedClaim, passageFocus);

  /** Selects the claim of a clicked highlight; clicked again, the next claim on the same words. */
  const selectFrom = (element: HTMLElement) => {
    const where = parseSegment(element.dataset.seg);
    if (!model || !where || !onSelectClaim) return;
    const over = model.layout.paragraphs[where.paragraph]?.segments[where.segment]?.marks ?? [];
    const claim = claimToSelect(claimsOf(model.marks, over), selectedClaim);
    if (claim !== null && claim !== selectedClaim) onSelectClaim(claim, meta.id);
  };

  const onBodyClick = (event: MouseEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    const link = target.closest<HTMLElement>('[data-passage]');
    if (link?.dataset.passage) {
      onFollowPassage?.(link.dataset.passage, meta.id);
      return;
    }
    const segment = target.closest<HTMLElement>('[data-seg]');
    if (segment) selectFrom(segment);
  };

  const onBodyOver = (event: MouseEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    if (target.closest('[role="tooltip"]')) return;
    const segment = target.closest<HTMLElement>('[data-seg]');
    if (segment) tip.show(segment);
    else if (tip.tip) tip.hide();
  };

  const onBodyFocus = (event: FocusEvent<HTMLDivElement>) => {
    const segment = (event.target as HTMLElement).closest<HTMLElement>('[data-seg]');
    if (segment) tip.show(segment);
  };

  const onBodyKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey || isTypingTarget(event.target)) return;
    const target = event.target as HTMLElement;
    if (event.key === 'Escape' && tip.tip) {
      tip.hide();
      return;
    }
    if (event.key === 'Enter' && target.matches('[data-seg]')) {
      event.preventDefault();
      selectFrom(target);
      return;
    }
    if (!shortcuts) return;
    if (event.key === 'n' || event.key === 'p') {
      event.preventDefault();
      cursor.step(event.key === 'n' ? 1 : -1);
    }
  };

  return (
    <article className="pane" aria-labelledby={headingId} data-article={meta.id} ref={paneRef}>
      <PaneHeader
        meta={meta}
        name={name}
        headingId={headingId}
        position={position}
        count={count}
        onMove={onMove ? (direction) => onMove(meta.id, direction) : undefined}
        onClose={onClose ? () => onClose(meta.id) : undefined}
        editor={editor}
      />
      {update || editor ? (
        <Suspense fallback={null}>
          <LazyArticleVersions articleId={meta.id} story={meta.story} update={update} index={index} editor={editor} />
        </Suspense>
      ) : null}
      <PaneBanner name={name} selectedClaim={selectedClaim} claimCells={claimCells} spans={claimSpans} />
      <PaneNav
        name={name}
        unit={selectedClaim !== null && claimCells.length > 0 ? 'span' : 'highlight'}
        total={cursor.targets.length}
        current={cursor.current}
        onStep={cursor.step}
      />
      {editor && article.data && evidence.data ? (
        <Suspense fallback={null}>
          <LazyPaneDesk
            text={bodyRef}
            pane={paneRef}
            meta={meta}
            name={name}
            article={article.data}
            mentions={mentions}
            index={index}
            selectedClaim={selectedClaim}
          />
        </Suspense>
      ) : null}
      {search.trim() !== '' ? (
        <PaneSearch name={name} query={search.trim()} total={hits.length} current={currentHit} onStep={stepHit} />
      ) : null}
      <div
        className={`pane__body${selectedClaim !== null ? ' pane__body--focusing' : ''}`}
        ref={bodyRef}
        role="region"
        tabIndex={0}
        aria-label={`Text of ${name}`}
        onClick={onBodyClick}
        onMouseOver={onBodyOver}
        onMouseLeave={tip.hide}
        onFocus={onBodyFocus}
        onBlur={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget)) tip.hide();
        }}
        onKeyDown={onBodyKey}
      >
        {model && article.data ? (
          <PaneText
            model={model}
            body={article.data.body}
            furniture={meta.furniture}
            selectedClaim={selectedClaim}
            activePassage={activePassage}
            described={tip.tip}
            tipId={tipId}
            passageLabels={passageLabels}
            hits={paragraphHits}
            currentHit={currentHit === -1 ? null : currentHit}
          />
        ) : article.data ? (
          <QueryStatus status={evidence.isError ? 'error' : 'pending'} query={evidence} what="the article’s evidence" />
        ) : (
          <QueryStatus status={article.isError ? 'error' : 'pending'} query={article} what="the article text" />
        )}
        {model ? (
          <Suspense fallback={null}>
            <LazyEvidenceTip
              id={tipId}
              anchor={tip.tip}
              marks={model.marks}
              over={tip.over}
              index={index}
              selectedClaim={selectedClaim}
              passageLabels={passageLabels}
            />
          </Suspense>
        ) : null}
      </div>
    </article>
  );
});
