import { useQuery } from '@tanstack/react-query';
import { PublishedDate } from '../../../components/published-date';
import { QueryStatus } from '../../../components/query-status';
import type { ArticleMeta, Outlet } from '../../../domain/schemas';
import { articleQueries } from '../api/article-queries';

type ArticlePaneProps = { meta: ArticleMeta; outlet: Outlet | undefined; onClose?: () => void };

export function ArticlePane({ meta, outlet, onClose }: ArticlePaneProps) {
  const article = useQuery(articleQueries.detail(meta.id));
  const headingId = `pane-${meta.id}`;
  return (
    <article className="pane" aria-labelledby={headingId}>
      <header className="pane__header">
        <p className="pane__outlet">{outlet?.name ?? meta.outlet}</p>
        <h2 id={headingId} className="pane__title">
          {meta.title}
        </h2>
        <p className="pane__meta">
          <PublishedDate published={meta.published} />
        </p>
        {onClose ? (
          <button
            type="button"
            className="pane__close"
            onClick={onClose}
            aria-label={`Close ${outlet?.name ?? meta.title}`}
          >
            ✕
          </button>
        ) : null}
      </header>
      <div className="pane__body" tabIndex={0} aria-label={`Text of ${outlet?.name ?? meta.title}`}>
        {article.data ? (
          article.data.paragraphs.map(([start, end]) => <p key={start}>{article.data.body.slice(start, end)}</p>)
        ) : (
          <QueryStatus status={article.isError ? 'error' : 'pending'} query={article} what="the article text" />
        )}
      </div>
    </article>
  );
}
