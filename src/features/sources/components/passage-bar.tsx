import type { Passage } from '@/domain/schemas';
import type { AnyStoryIndex } from '@/domain/story-index';
import { MAX_PANES } from '../model/resolve-panes';
import { useSourcesUi } from '../store/sources-ui-store';

const QUOTE_LENGTH = 180;

type PassageBarProps = {
  /** The passage the link follows, once it is known. */
  passage: Passage | undefined;
  index: AnyStoryIndex;
  panes: readonly string[];
  onOpen: (articleId: string) => void;
  /** Closes the bar: the passage leaves the URL too. */
  onClose: () => void;
};

/** The shared passage the reader followed: its words and every article that carries it. */
export function PassageBar({ passage: linked, index, panes, onOpen, onClose }: PassageBarProps) {
  const focus = useSourcesUi((s) => s.passageFocus);
  const showCopy = useSourcesUi((s) => s.showCopy);
  const announce = useSourcesUi((s) => s.announce);
  const passage = focus && linked?.id === focus.passage ? linked : undefined;
  if (!passage) return null;
  const articles = [...new Set(passage.spans.map((span) => span.article))];
  const outletOf = (article: string) => {
    const meta = index.articles.get(article);
    return (meta && index.outlets.get(meta.outlet)?.name) ?? article;
  };
  // The copies in the open articles, pane by pane, each article's in reading order.
  const copies = passage.spans
    .filter((span) => panes.includes(span.article))
    .sort((a, b) => panes.indexOf(a.article) - panes.indexOf(b.article) || a.start - b.start);
  const at = focus?.copy
    ? copies.findIndex((span) => span.article === focus.copy?.article && span.start === focus.copy.start)
    : -1;
  const step = (direction: 1 | -1) => {
    const next =
      at === -1 ? (direction === 1 ? 0 : copies.length - 1) : (at + direction + copies.length) % copies.length;
    const span = copies[next];
    if (!span) return;
    showCopy(passage.id, { article: span.article, start: span.start });
    announce(`Copy ${next + 1} of ${copies.length}, in ${outletOf(span.article)}.`);
  };
  const full = panes.length >= MAX_PANES;
  const text = passage.text.length > QUOTE_LENGTH ? `${passage.text.slice(0, QUOTE_LENGTH)}…` : passage.text;
  return (
    <section className="passage-bar" aria-labelledby="passage-bar-heading">
      <h2 id="passage-bar-heading" className="passage-bar__heading">
        <span aria-hidden="true">⇄ </span>Shared passage in {articles.length} articles
      </h2>
      <blockquote className="passage-bar__text">{text}</blockquote>
      {copies.length > 1 ? (
        <p className="passage-bar__copies">
          <button type="button" onClick={() => step(-1)}>
            Previous copy
          </button>{' '}
          <button type="button" onClick={() => step(1)}>
            Next copy
          </button>{' '}
          <span>
            {at === -1
              ? `${copies.length} copies in the open articles`
              : `Copy ${at + 1} of ${copies.length}, in ${outletOf(copies[at]?.article ?? '')}`}
          </span>
        </p>
      ) : null}
      <ul className="passage-bar__articles">
        {articles.map((article) => {
          const name = outletOf(article);
          return (
            <li key={article}>
              {name}{' '}
              {panes.includes(article) ? (
                <span className="passage-bar__open">(open)</span>
              ) : (
                <button type="button" onClick={() => onOpen(article)} disabled={full} aria-label={`Open ${name}`}>
                  Open
                </button>
              )}
            </li>
          );
        })}
      </ul>
      <button type="button" className="passage-bar__close" onClick={onClose} aria-label="Close the shared passage">
        ✕
      </button>
    </section>
  );
}
