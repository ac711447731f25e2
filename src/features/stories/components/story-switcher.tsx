import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { DEFAULT_URL_STATE, encodeUrl } from '@/domain/url-state';
import { storyQueries } from '@/lib/api/story-queries';
import { navigate } from '@/lib/router/location-store';

/** The header's story switcher: every open story; choosing one opens it. */
export function StorySwitcher({ currentId }: { currentId: string | null }) {
  const id = useId();
  const list = useQuery(storyQueries.list());
  const stories = (list.data ?? []).filter((story) => story.archived !== true || story.id === currentId);
  if (stories.length === 0) return null;
  const choose = (storyId: string) => {
    // What the URL names in one story (panes, claims, filters) means nothing in another; a story
    // opens on its first view, Sources, with its summary.
    navigate(encodeUrl({ ...DEFAULT_URL_STATE, story: storyId }));
  };
  return (
    <div className="shell__switcher">
      <label htmlFor={id}>Story</label>
      <select id={id} value={currentId ?? ''} onChange={(event) => choose(event.target.value)}>
        {currentId === null ? <option value="">Choose a story</option> : null}
        {stories.map((story) => (
          <option key={story.id} value={story.id}>
            {story.title}
          </option>
        ))}
      </select>
    </div>
  );
}
