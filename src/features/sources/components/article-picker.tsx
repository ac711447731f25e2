import { memo, useMemo, useState } from 'react';
import { PublishedDate } from '@/components/published-date';
import { VirtualList } from '@/components/virtual-list/virtual-list';
import type { ArticleMeta } from '@/domain/schemas';
import type { AnyStoryIndex } from '@/domain/story-index';
import { MAX_PANES } from '../model/resolve-panes';
import { searchMatcher, searchTerms } from '@/domain/claim-search';
import { foldText } from '@/domain/text-folding';

/** Up to this many articles the list shows whole; beyond it, it scrolls and offers a search. */
const LONG_LIST = 8;

const articleKey = (article: ArticleMeta) => article.id;

type ArticlePickerProps = {
  articles: readonly ArticleMeta[];
  index: AnyStoryIndex;
  panes: readonly string[];
  onToggle: (articleId: string) => void;
};

/** The story's articles, each with a box to open or close it in a pane. */
export const ArticlePicker = memo(function ArticlePicker({ articles, index, panes, onToggle }: ArticlePickerProps) {
  const [find, setFind] = useState('');
  const shown = useMemo(() => {
    if (searchTerms(find).length === 0) return articles;
    const matches = searchMatcher(find);
    return articles.filter((article) => {
      const outlet = index.outlets.get(article.outlet)?.name ?? article.outlet;
      return matches(foldText(`${outlet} ${article.title}`));
    });
  }, [articles, index, find]);
  const full = panes.length >= MAX_PANES;

  return (
    <section className="sources__articles" aria-labelledby="sources-articles-heading">
      <h2 id="sources-articles-heading">Articles ({articles.length})</h2>
      {articles.length > LONG_LIST ? (
        <label className="sources__find">
          Find an article <input type="search" value={find} onChange={(event) => setFind(event.target.value)} />
        </label>
      ) : null}
      <p className="sources__hint" id="sources-articles-hint">
        {full ? `${MAX_PANES} articles are open: close one to open another.` : `Open up to ${MAX_PANES} side by side.`}
      </p>
      <VirtualList
        items={shown}
        itemKey={articleKey}
        estimateSize={52}
        className={articles.length > LONG_LIST ? 'article-list article-list--long' : 'article-list'}
        label="Articles of the story"
        itemClassName={(article) => `article-list__item${panes.includes(article.id) ? ' is-open' : ''}`}
        renderItem={(article) => {
          const open = panes.includes(article.id);
          return (
            <>
              <label>
                <input
                  type="checkbox"
                  checked={open}
                  disabled={!open && full}
                  aria-describedby={!open && full ? 'sources-articles-hint' : undefined}
                  onChange={() => onToggle(article.id)}
                />{' '}
                <span className="article-list__outlet">
                  {index.outlets.get(article.outlet)?.name ?? article.outlet}
                </span>{' '}
                <span className="article-list__title">{article.title}</span>
              </label>
              <span className="article-list__meta">
                <PublishedDate published={article.published} /> · {index.mentionsByArticle.get(article.id)?.length ?? 0}{' '}
                claim mentions
              </span>
            </>
          );
        }}
      />
      {shown.length === 0 ? <p>No article matches “{find}”.</p> : null}
    </section>
  );
});
