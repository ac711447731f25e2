import { useMemo } from 'react';
import { storyLinkNotices, type UrlState } from '@/domain/url-state';
import type { StoryBundle } from '@/domain/schemas';
import { NoticeList } from './notice-list';

/** Parts of a well-formed link that this story does not have, named once the story is loaded. */
export function StoryNotices({
  state,
  bundle,
}: {
  state: UrlState;
  bundle: Pick<StoryBundle, 'claims' | 'articles' | 'outlets'>;
}) {
  const notices = useMemo(() => storyLinkNotices(state, bundle), [state, bundle]);
  if (notices.length === 0) return null;
  return (
    <div className="notice" role="status">
      <p>Part of the link does not match this story:</p>
      <NoticeList notices={notices} />
    </div>
  );
}
