import type { Stance } from '@/domain/schemas';
import { deskPaths } from '@/lib/api/desk-paths';
import type { TextSelection } from '../hooks/use-text-selection';

/** The request that records the selected words as a mention of `claim` in the article. */
export function recordSelection(
  where: { storyId: string; articleId: string },
  claim: string,
  stance: Stance,
  selection: Pick<TextSelection, 'range' | 'exact'>,
) {
  return {
    method: 'POST' as const,
    path: deskPaths.storyMentions(where.storyId),
    body: {
      claim,
      article: where.articleId,
      stance,
      spans: [{ start: selection.range[0], end: selection.range[1], exact: selection.exact }],
    },
  };
}
