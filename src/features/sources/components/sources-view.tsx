import type { CSSProperties } from 'react';
import { PublishedDate } from '../../../components/published-date';
import { QueryStatus } from '../../../components/query-status';
import { useStoryData } from '../../../lib/story/use-story-data';
import { useUrlState } from '../../../lib/url-state/use-url-state';
import { ArticlePane } from './article-pane';

const MAX_PANES = 5;
const DEFAULT_PANE_COUNT = 2;

export function SourcesView() {
  const data = useStoryData();
  const { state, setUrlState } = useUrlState();
  if (data.status !== 'success') return <QueryStatus {...data} what="the story" />;
  const { bundle, index } = data;

  const known = state.panes.filter((id) => index.articles.has(id));
  // Without a choice in the URL, the first articles open so the view is never empty.
  const panes = known.length > 0 ? known : bundle.articles.slice(0, DEFAULT_PANE_COUNT).map((a) => a.id);
  const togglePane = (articleId: string) => {
    const next = panes.includes(articleId) ? panes.filter((id) => id !== articleId) : [...panes, articleId];
    setUrlState({ panes: next });
  };

  return (
    <div className="sources">
      <section className="sources__list" aria-labelledby="sources-heading">
        <h2 id="sources-heading">Articles ({bundle.articles.length})</h2>
        <ul className="article-list">
          {bundle.articles.map((article) => {
            const outlet = index.outlets.get(article.outlet);
            const shown = panes.includes(article.id);
            return (
              <li key={article.id} className="article-list__item">
                <label>
                  <input
                    type="checkbox"
                    checked={shown}
                    disabled={!shown && panes.length >= MAX_PANES}
                    onChange={() => togglePane(article.id)}
                  />{' '}
                  <span className="article-list__outlet">{outlet?.name ?? article.outlet}</span>
                </label>
                <span className="article-list__title">{article.title}</span>
                <PublishedDate published={article.published} />
                <span className="article-list__mentions">
                  {index.mentionsByArticle.get(article.id)?.length ?? 0} claim mentions
                </span>
              </li>
            );
          })}
        </ul>
      </section>
      <div className="panes" style={{ '--pane-count': panes.length } as CSSProperties}>
        {panes.map((id) => {
          const meta = index.articles.get(id);
          if (!meta) return null;
          return (
            <ArticlePane
              key={id}
              meta={meta}
              outlet={index.outlets.get(meta.outlet)}
              onClose={panes.length > 1 ? () => togglePane(id) : undefined}
            />
          );
        })}
      </div>
    </div>
  );
}
