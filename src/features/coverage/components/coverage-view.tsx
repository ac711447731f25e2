import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { QueryStatus } from '@/components/query-status';
import { canEditVerdicts } from '@/domain/schemas';
import { sessionQueries } from '@/lib/api/session-queries';
import { useStoryOverview } from '@/lib/story/use-story-data';
import { useUrlState } from '@/lib/url-state/use-url-state';
import { AddArticleForm } from './add-article-form';
import { ReviewPanel } from './review-panel';
import './coverage.css';

/**
 * Adding coverage: a new article in, normalized, and its claim suggestions reviewed by an
 * editor. The story's overview is all it reads of the story: claims, topics, outlets, sources
 * and the stances their origins are counted from.
 */
export function CoverageView() {
  const data = useStoryOverview();
  const session = useQuery(sessionQueries.current());
  const { state, setUrlState } = useUrlState();
  const topics = useMemo(
    () => (data.status === 'success' ? [...new Set(data.bundle.claims.map((c) => c.topic))] : []),
    [data],
  );
  if (data.status !== 'success') return <QueryStatus {...data} what="the story" />;
  const user = session.data?.user ?? null;
  if (!user || !canEditVerdicts(user.role)) {
    return (
      <section aria-labelledby="coverage-heading">
        <h2 id="coverage-heading">Add coverage</h2>
        <p>Adding articles is for editors. Sign in as an editor to add an article and review its claims.</p>
      </section>
    );
  }
  const storyId = data.bundle.story.id;
  return (
    <div className="coverage">
      {state.article ? (
        <ReviewPanel storyId={storyId} articleId={state.article} index={data.index} topics={topics} />
      ) : (
        <AddArticleForm
          storyId={storyId}
          outlets={[...data.index.outlets.values()]}
          onAdded={(review) => setUrlState({ article: review.article.id })}
        />
      )}
    </div>
  );
}
