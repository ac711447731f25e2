import type { Passage } from '@/domain/schemas';
import type { StoryIndex } from '@/domain/story-index';
import { MAX_PANES } from '../model/resolve-panes';
import { useSourcesUi } from '../store/sources-ui-store';

const QUOTE_LENGTH = 180;

type PassageBarProps = {
  passages: ReadonlyMap<string, Passage>;
  index: StoryIndex;
  panes: readonly string[];
  onOpen: (articleId: string) => void;
};

/** The shared passage the reader followed: its words and every article that carries it. */
export function PassageBar({ passages, index, panes, onOpen }: PassageBarProps) {
  const focus = useSourcesUi((s) => s.passageFocus);
  const clear = useSourcesUi((s) => s.clearPassage);
  const passage = focus ? passages.get(focus.passage) : undefined;
  if (!passage) return null;
  const articles = [...new Set(passage.spans.map((span) => span.article))];
  const full = panes.length >= MAX_PANES;
  const text = passage.text.length > QUOTE_LENGTH ? `${passage.text.slice(0, QUOTE_LENGTH)}…` : passage.text;
  return (
    <section className="passage-bar" aria-labelledby="passage-bar-heading">
      <h2 id="passage-bar-heading" className="passage-bar__heading">
        <span aria-hidden="true">⇄ </span>Shared passage in {articles.length} articles
      </h2>
      <blockquote className="passage-bar__text">{text}</blockquote>
      <ul className="passage-bar__articles">
        {articles.map((article) => {
          const meta = index.articles.get(article);
          const name = (meta && index.outlets.get(meta.outlet)?.name) ?? article;
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
      <button type="button" className="passage-bar__close" onClick={clear} aria-label="Close the shared passage">
        ✕
      </button>
    </section>
  );
}
