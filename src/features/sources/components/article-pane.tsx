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
import { flushSync } from 'react-dom';
import { PublishedDate } from '@/components/published-date';
import { QueryStatus } from '@/components/query-status';
import { StanceBadge } from '@/components/stance-badge';
import type { SegmentRef } from '@/domain/evidence-layout';
import type { ArticleMeta, Furniture, Mention, Outlet, Passage } from '@/domain/schemas';
import { STANCES } from '@/domain/stance-rules';
import type { StoryIndex } from '@/domain/story-index';
import { articleQueries } from '../api/article-queries';
import { isTypingTarget, scrollWithin } from '../dom';
import { joinNames } from '../model/join-names';
import { buildPaneModel, claimsOf, claimToSelect, navigationTargets, type PaneModel } from '../model/pane-marks';
import { useSourcesUi } from '../store/sources-ui-store';
import type { TipAnchor } from './evidence-tip';
import { LazyEvidenceTip, preloadExtras } from './lazy-extras';
import { PaneParagraph } from './pane-paragraph';

const NO_MENTIONS: readonly Mention[] = [];
const NO_PASSAGES: readonly Passage[] = [];

export type ArticlePaneProps = {
  meta: ArticleMeta;
  outlet: Outlet | undefined;
  index: StoryIndex;
  /** The shared passages that stand in this article. */
  passages?: readonly Passage[];
  selectedClaim?: string | null;
  /** Place among the panes, from 0, and how many there are. */
  position?: number;
  count?: number;
  onMove?: (articleId: string, step: -1 | 1) => void;
  onClose?: (articleId: string) => void;
  onSelectClaim?: (claim: string, fromArticle: string) => void;
  onFollowPassage?: (passage: string, fromArticle: string) => void;
};

/** One article: its header, how it treats the selected claim, and its text with the evidence marked. */
export const ArticlePane = memo(function ArticlePane({
  meta,
  outlet,
  index,
  passages = NO_PASSAGES,
  selectedClaim = null,
  position = 0,
  count = 1,
  onMove,
  onClose,
  onSelectClaim,
  onFollowPassage,
}: ArticlePaneProps) {
  const article = useQuery(articleQueries.detail(meta.id));
  const mentions = index.mentionsByArticle.get(meta.id) ?? NO_MENTIONS;
  const name = outlet?.name ?? meta.outlet;
  const headingId = `pane-${meta.id}`;
  const tipId = useId();
  const bodyRef = useRef<HTMLDivElement>(null);
  const controlsRef = useRef<HTMLDivElement>(null);
  const refocusAfterMove = useRef<-1 | 1 | null>(null);
  useEffect(preloadExtras, []);

  const model = useMemo(
    () => (article.data ? buildPaneModel(meta.id, article.data.paragraphs, mentions, passages) : null),
    [article.data, meta.id, mentions, passages],
  );
  const passageLabels = useMemo(() => labelPassages(passages, meta.id, index), [passages, meta.id, index]);
  const targets = useMemo(() => (model ? navigationTargets(model, selectedClaim) : []), [model, selectedClaim]);
  const claimMentions = useMemo(
    () => (selectedClaim === null ? [] : mentions.filter((m) => m.claim === selectedClaim)),
    [mentions, selectedClaim],
  );
  const [cursor, setCursor] = useState<{ claim: string | null; mark: number } | null>(null);
  const current = cursor && cursor.claim === selectedClaim ? targets.indexOf(cursor.mark) : -1;
  const [tip, setTip] = useState<TipAnchor | null>(null);

  const shortcuts = useSourcesUi((s) => s.shortcuts);
  const passageFocus = useSourcesUi((s) => s.passageFocus);
  const activePassage =
    passageFocus && passages.some((p) => p.id === passageFocus.passage) ? passageFocus.passage : null;

  // A selected claim comes into view in every pane, except the one where its highlight was clicked.
  useEffect(() => {
    if (!model || selectedClaim === null) return;
    const origin = useSourcesUi.getState().selectionOrigin;
    if (origin?.claim === selectedClaim && origin.article === meta.id) return;
    const first = model.marks.findIndex(
      (mark, i) => mark.kind === 'evidence' && mark.claim === selectedClaim && model.layout.firstSegment[i],
    );
    const element = segmentElement(bodyRef.current, model.layout.firstSegment[first]);
    if (element && bodyRef.current) scrollWithin(bodyRef.current, element);
  }, [model, selectedClaim, meta.id]);

  // A followed shared passage comes into view in the other panes that carry it.
  useEffect(() => {
    if (!model || !passageFocus || passageFocus.from === meta.id) return;
    const first = model.marks.findIndex(
      (mark, i) => mark.kind === 'passage' && mark.passage.id === passageFocus.passage && model.layout.firstSegment[i],
    );
    const element = segmentElement(bodyRef.current, model.layout.firstSegment[first]);
    if (element && bodyRef.current) scrollWithin(bodyRef.current, element);
  }, [model, passageFocus, meta.id]);

  // Reordering moves this pane in the document, which drops focus: give it back to the control used.
  useEffect(() => {
    const step = refocusAfterMove.current;
    if (step === null) return;
    refocusAfterMove.current = null;
    const buttons = controlsRef.current?.querySelectorAll<HTMLButtonElement>('[data-move]');
    const wanted = [...(buttons ?? [])].find((b) => b.dataset.move === String(step) && !b.disabled);
    const other = [...(buttons ?? [])].find((b) => !b.disabled);
    (wanted ?? other)?.focus();
  }, [position]);

  const showTip = (element: HTMLElement) => {
    const body = bodyRef.current;
    const where = parseSegment(element.dataset.seg);
    if (!body || !where) return;
    if (tip && tip.paragraph === where.paragraph && tip.segment === where.segment) return;
    const box = element.getBoundingClientRect();
    const frame = body.getBoundingClientRect();
    setTip({
      ...where,
      top: box.bottom - frame.top + body.scrollTop + 4,
      left: Math.max(0, Math.min(box.left - frame.left + body.scrollLeft, body.clientWidth - 288)),
    });
  };

  const selectFrom = (element: HTMLElement) => {
    const where = parseSegment(element.dataset.seg);
    if (!model || !where || !onSelectClaim) return;
    const over = model.layout.paragraphs[where.paragraph]?.segments[where.segment]?.marks ?? [];
    const claim = claimToSelect(claimsOf(model.marks, over), selectedClaim);
    if (claim !== null && claim !== selectedClaim) onSelectClaim(claim, meta.id);
  };

  const step = (direction: 1 | -1) => {
    const body = bodyRef.current;
    if (!model || !body || targets.length === 0) return;
    const at =
      current === -1
        ? direction === 1
          ? 0
          : targets.length - 1
        : (current + direction + targets.length) % targets.length;
    const mark = targets[at] as number;
    const element = segmentElement(body, model.layout.firstSegment[mark]);
    if (!element) return;
    // The details are drawn before focus lands, so a screen reader reads the right description.
    flushSync(() => {
      setCursor({ claim: selectedClaim, mark });
      showTip(element);
    });
    element.focus({ preventScroll: true });
    scrollWithin(body, element);
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
    if (segment) showTip(segment);
    else if (tip) setTip(null);
  };

  const onBodyFocus = (event: FocusEvent<HTMLDivElement>) => {
    const segment = (event.target as HTMLElement).closest<HTMLElement>('[data-seg]');
    if (segment) showTip(segment);
  };

  const onBodyKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey || isTypingTarget(event.target)) return;
    const target = event.target as HTMLElement;
    if (event.key === 'Escape' && tip) {
      setTip(null);
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
      step(event.key === 'n' ? 1 : -1);
    }
  };

  const move = (direction: -1 | 1) => {
    refocusAfterMove.current = direction;
    onMove?.(meta.id, direction);
  };

  const tipMarks = tip ? (model?.layout.paragraphs[tip.paragraph]?.segments[tip.segment]?.marks ?? []) : [];
  const claimStances = STANCES.filter((stance) => claimMentions.some((m) => m.stance === stance));
  const spanCount = claimMentions.reduce((n, m) => n + m.spans.filter((s) => s.article === meta.id).length, 0);
  const unit = selectedClaim !== null && claimMentions.length > 0 ? 'span' : 'highlight';

  return (
    <article className="pane" aria-labelledby={headingId} data-article={meta.id}>
      <header className="pane__header">
        <p className="pane__outlet">{name}</p>
        <h2 id={headingId} className="pane__title">
          {meta.title}
        </h2>
        <p className="pane__meta">
          <PublishedDate published={meta.published} />
        </p>
        {meta.provenance ? <p className="pane__provenance">{meta.provenance}</p> : null}
        <div className="pane__controls" ref={controlsRef}>
          {onMove && count > 1 ? (
            <>
              <button
                type="button"
                data-move="-1"
                onClick={() => move(-1)}
                disabled={position === 0}
                aria-label={`Move ${name} left`}
                title="Move left"
              >
                ←
              </button>
              <button
                type="button"
                data-move="1"
                onClick={() => move(1)}
                disabled={position >= count - 1}
                aria-label={`Move ${name} right`}
                title="Move right"
              >
                →
              </button>
            </>
          ) : null}
          {onClose ? (
            <button
              type="button"
              className="pane__close"
              onClick={() => onClose(meta.id)}
              aria-label={`Close ${name}`}
              title="Close"
            >
              ✕
            </button>
          ) : null}
        </div>
      </header>
      {selectedClaim === null ? null : claimMentions.length > 0 ? (
        <p className="pane__banner pane__banner--carries">
          {claimStances.map((stance) => (
            <StanceBadge key={stance} stance={stance} />
          ))}{' '}
          the selected claim · {spanCount} {spanCount === 1 ? 'span' : 'spans'}
        </p>
      ) : (
        <p className="pane__banner pane__banner--silent">
          <StanceBadge stance="silent" /> {name} does not mention the selected claim.
        </p>
      )}
      <div className="pane__nav">
        <button
          type="button"
          onClick={() => step(-1)}
          disabled={targets.length === 0}
          aria-label={`Previous ${unit} in ${name}`}
          title={`Previous ${unit} (p)`}
        >
          ↑
        </button>
        <button
          type="button"
          onClick={() => step(1)}
          disabled={targets.length === 0}
          aria-label={`Next ${unit} in ${name}`}
          title={`Next ${unit} (n)`}
        >
          ↓
        </button>
        <span className="pane__position">
          {targets.length === 0
            ? 'No highlights'
            : current === -1
              ? `${targets.length} ${unit}${targets.length === 1 ? '' : 's'}`
              : `${unit === 'span' ? 'Span' : 'Highlight'} ${current + 1} of ${targets.length}`}
        </span>
      </div>
      <div
        className={`pane__body${selectedClaim !== null ? ' pane__body--focusing' : ''}`}
        ref={bodyRef}
        role="region"
        tabIndex={0}
        aria-label={`Text of ${name}`}
        onClick={onBodyClick}
        onMouseOver={onBodyOver}
        onMouseLeave={() => setTip(null)}
        onFocus={onBodyFocus}
        onBlur={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget)) setTip(null);
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
            described={tip}
            tipId={tipId}
            passageLabels={passageLabels}
          />
        ) : (
          <QueryStatus status={article.isError ? 'error' : 'pending'} query={article} what="the article text" />
        )}
        {model ? (
          <Suspense fallback={null}>
            <LazyEvidenceTip
              id={tipId}
              anchor={tip}
              marks={model.marks}
              over={tipMarks}
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

type PaneTextProps = {
  model: PaneModel;
  body: string;
  furniture: readonly Furniture[] | undefined;
  selectedClaim: string | null;
  activePassage: string | null;
  described: SegmentRef | null;
  tipId: string;
  passageLabels: ReadonlyMap<string, string>;
};

function PaneText({
  model,
  body,
  furniture,
  selectedClaim,
  activePassage,
  described,
  tipId,
  passageLabels,
}: PaneTextProps) {
  return model.layout.paragraphs.map((paragraph, p) => (
    <PaneParagraph
      key={paragraph.start}
      furniture={furnitureOf(furniture, paragraph.start, paragraph.end)}
      paragraph={paragraph}
      index={p}
      body={body}
      marks={model.marks}
      starts={model.startsAt[p] ?? []}
      selectedClaim={selectedClaim !== null && model.paragraphClaims[p]?.has(selectedClaim) ? selectedClaim : null}
      activePassage={activePassage !== null && model.paragraphPassages[p]?.has(activePassage) ? activePassage : null}
      describedSegment={described?.paragraph === p ? described.segment : null}
      tipId={tipId}
      passageLabels={passageLabels}
    />
  ));
}

/** The furniture a paragraph lies inside, if it is furniture through and through. */
function furnitureOf(furniture: readonly Furniture[] | undefined, start: number, end: number): Furniture | null {
  return furniture?.find((piece) => piece.start <= start && end <= piece.end) ?? null;
}

function parseSegment(value: string | undefined): SegmentRef | null {
  const match = /^(\d+)\.(\d+)$/.exec(value ?? '');
  return match ? { paragraph: Number(match[1]), segment: Number(match[2]) } : null;
}

function segmentElement(body: HTMLElement | null, where: SegmentRef | null | undefined): HTMLElement | null {
  if (!body || !where) return null;
  return body.querySelector<HTMLElement>(`[data-seg="${where.paragraph}.${where.segment}"]`);
}

/** "Shared passage, also in The Jerusalem Post and The New York Times" for each passage of the article. */
function labelPassages(passages: readonly Passage[], articleId: string, index: StoryIndex): Map<string, string> {
  const labels = new Map<string, string>();
  for (const passage of passages) {
    const others = [...new Set(passage.spans.map((span) => span.article))].filter((id) => id !== articleId);
    const names = others.map((id) => {
      const meta = index.articles.get(id);
      return (meta && index.outlets.get(meta.outlet)?.name) ?? meta?.title ?? id;
    });
    const shown = names.length > 3 ? [...names.slice(0, 3), `${names.length - 3} more`] : names;
    labels.set(passage.id, `Shared passage, also in ${joinNames(shown)}`);
  }
  return labels;
}
