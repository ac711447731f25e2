import type { StoryBundle } from '../schemas';
import type { UrlState } from './url-state-schema';
import { clipForNotice } from './url-text';
import type { UrlNotice } from './url-vocabulary';

/**
 * What in a well-formed link this story does not have. The codec cannot know (it reads the URL
 * alone), so these are checked once the story is loaded, and said plainly: a claim id that is
 * not in the story is not "an article that does not mention it", an unknown topic is not
 * "no claims". Panes are checked by the Sources view, which shows the articles.
 */
export function storyLinkNotices(
  state: UrlState,
  bundle: Pick<StoryBundle, 'claims' | 'articles' | 'outlets'>,
): UrlNotice[] {
  const notices: UrlNotice[] = [];
  if (state.claim !== null && state.view !== 'claim' && !bundle.claims.some((claim) => claim.id === state.claim)) {
    notices.push({ param: 'claim', value: clipForNotice(state.claim), reason: 'no claim with this id in this story' });
  }
  if (state.topics.length > 0) {
    const topics = new Set(bundle.claims.map((claim) => claim.topic));
    for (const topic of state.topics) {
      if (!topics.has(topic)) {
        notices.push({ param: 'topic', value: clipForNotice(topic), reason: 'no claim in this story has this topic' });
      }
    }
  }
  if (state.view === 'matrix' && (state.sources.length > 0 || state.cell !== null)) {
    const ids = new Set([...bundle.articles.map((a) => a.id), ...bundle.outlets.map((o) => o.id)]);
    for (const source of state.sources) {
      if (!ids.has(source)) {
        notices.push({ param: 'source', value: clipForNotice(source), reason: 'no article or outlet with this id' });
      }
    }
    if (state.cell !== null && !ids.has(state.cell)) {
      notices.push({ param: 'cell', value: clipForNotice(state.cell), reason: 'no article or outlet with this id' });
    }
  }
  return notices;
}
