import type { StorySummary } from './schemas/story';

export type StoryHome = { story: StorySummary; reason: 'pinned' | 'latest' } | null;

/**
 * The story `/` opens when the link names none: the one an admin pinned, otherwise the one
 * changed most recently (the earliest listed among equals); never an archived story.
 */
export function storyHomeOf(stories: readonly StorySummary[]): StoryHome {
  const open = stories.filter((story) => story.archived !== true);
  const pinned = open.find((story) => story.pinned === true);
  if (pinned) return { story: pinned, reason: 'pinned' };
  let latest: StorySummary | undefined;
  for (const story of open) {
    if (!latest || (story.changedAt ?? '') > (latest.changedAt ?? '')) latest = story;
  }
  return latest ? { story: latest, reason: 'latest' } : null;
}
