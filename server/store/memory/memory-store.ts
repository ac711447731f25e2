import type {
  Actor,
  Article,
  Claim,
  Mention,
  Outlet,
  Passage,
  Story,
  StoryBundle,
  StoryEvent,
} from '../../../src/domain/schemas';
import type { Corpus } from '../../corpus/load-corpus';
import { emptySeedReport, type SeedReport, type Store } from '../store';
import { referencedBy } from '../story-references';

/**
 * The store behind the mock API and the tests: the same behaviour as the SQLite store,
 * held in maps. Values are cloned on the way in and out so callers never share state with it.
 */
export function createMemoryStore(): Store {
  const outlets = new Map<string, Outlet>();
  const actors = new Map<string, Actor>();
  const stories = new Map<string, Story>();
  const articles = new Map<string, Article>();
  const claims = new Map<string, Claim>();
  const mentions = new Map<string, Mention>();
  const events = new Map<string, StoryEvent>();
  const passages = new Map<string, Passage>();

  const ofStory = <T extends { story: string }>(map: Map<string, T>, storyId: string) =>
    [...map.values()].filter((item) => item.story === storyId);
  const mentionsOf = (storyId: string) => {
    const articleIds = new Set(ofStory(articles, storyId).map((a) => a.id));
    return [...mentions.values()].filter((m) => articleIds.has(m.article));
  };
  const addMissing = <T extends { id: string }>(map: Map<string, T>, items: T[]) => {
    let added = 0;
    for (const item of items) {
      if (map.has(item.id)) continue;
      map.set(item.id, structuredClone(item));
      added += 1;
    }
    return added;
  };

  return {
    async listStories() {
      return [...stories.values()].map((story) => ({
        ...structuredClone(story),
        counts: {
          articles: ofStory(articles, story.id).length,
          claims: ofStory(claims, story.id).length,
          mentions: mentionsOf(story.id).length,
          events: ofStory(events, story.id).length,
        },
      }));
    },

    async getStoryBundle(storyId) {
      const story = stories.get(storyId);
      if (!story) return null;
      const storyArticles = ofStory(articles, storyId).map(
        ({ body: _body, paragraphs: _paragraphs, sentences: _sentences, ...meta }) => meta,
      );
      const storyMentions = mentionsOf(storyId);
      const refs = referencedBy(storyArticles, storyMentions, ofStory(events, storyId));
      const bundle: StoryBundle = {
        story,
        outlets: [...outlets.values()].filter((o) => refs.outlets.has(o.id)),
        actors: [...actors.values()].filter((a) => refs.actors.has(a.id)),
        articles: storyArticles,
        claims: ofStory(claims, storyId),
        mentions: storyMentions,
        events: ofStory(events, storyId),
        passages: ofStory(passages, storyId),
      };
      return structuredClone(bundle);
    },

    async getArticle(articleId) {
      const article = articles.get(articleId);
      return article ? structuredClone(article) : null;
    },

    async seed(corpus: Corpus): Promise<SeedReport> {
      const report = emptySeedReport();
      addMissing(outlets, corpus.outlets);
      addMissing(actors, corpus.actors);
      for (const s of corpus.stories) {
        report.stories += addMissing(stories, [s.story]);
        report.articles += addMissing(articles, s.articles);
        report.claims += addMissing(claims, s.claims);
        report.mentions += addMissing(mentions, s.mentions);
        report.events += addMissing(events, s.events);
        addMissing(passages, s.passages);
      }
      return report;
    },

    async close() {},
  };
}
