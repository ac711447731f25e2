import type { Article, ArticleMeta, ArticleReview, Passage } from '@/domain/schemas';

import type { ClaimSuggestion } from '@/domain/ingest/claim-suggestions';
import { findSharedPassages } from '@/domain/shared-passages';
import type { Store } from '../store/store';
import {
  analyseArticle,
  createIngestContext,
  prepareArticle,
  withStoredArticle,
  type IngestContext,
  type IngestInput,
  type IngestProblem,
} from './prepare-article';

export type IngestOutcome =
  | { ok: true; review: ArticleReview }
  | {
      ok: false;
      status: 400 | 404 | 409 | 422;
      problem: IngestProblem | { code: 'not_found'; field: string; message: string };
    };

const metaOf = ({ body: _b, paragraphs: _p, sentences: _s, ...meta }: Article): ArticleMeta => meta;

/**
 * Suggestions as an editor reviews them: sentence by sentence in article order, best first
 * within a sentence, without claims decided already.
 */
export function reviewSuggestions(
  suggestions: readonly ClaimSuggestion[],
  mentionedClaims: ReadonlySet<string>,
  rejected: readonly { claim: string; sentenceStart: number }[],
): ClaimSuggestion[] {
  const refused = new Set(rejected.map((r) => `${r.claim}@${r.sentenceStart}`));
  return suggestions
    .filter((s) => !mentionedClaims.has(s.claim) && !refused.has(`${s.claim}@${s.range[0]}`))
    .sort((a, b) => a.range[0] - b.range[0] || b.score - a.score);
}

/** What adding to or reviewing a story starts from, read once: the bundle and the article texts. */
async function loadStory(store: Store, storyId: string) {
  const bundle = await store.getStoryBundle(storyId);
  if (!bundle) return null;
  const [articles, outlets, actors] = await Promise.all([
    store.listStoryArticles(storyId),
    store.listOutlets(),
    store.listActors(),
  ]);
  return { bundle, articles, outlets, actors };
}

type LoadedStory = NonNullable<Awaited<ReturnType<typeof loadStory>>>;

/** The comparison context of a story, leaving out `except` (an article under review is not compared with itself). */
function contextOf({ bundle, articles, outlets, actors }: LoadedStory, except?: string): IngestContext {
  return createIngestContext({
    story: { ...bundle, mentions: bundle.mentions.filter((m) => m.article !== except) },
    bodies: new Map(articles.filter((a) => a.id !== except).map((a) => [a.id, a.body])),
    outlets,
    actors,
  });
}

/**
 * Adds articles to one story: normalizes each, refuses duplicates, recomputes the story's
 * shared passages and stores article, new outlet and passages in one transaction. The
 * comparison context is loaded once and kept current as articles are added, so a batch
 * does not reload the story for every file.
 */
export async function createStoryIngester(store: Store, storyId: string) {
  const loaded = await loadStory(store, storyId);
  if (!loaded) return null;
  let context = contextOf(loaded);
  const articles = [...loaded.articles];

  let passagesStale = false;
  const currentPassages = () => findSharedPassages(storyId, articles);

  return {
    /**
     * Adds one article. In a batch, `deferPassages` leaves the shared passages to `finish()`:
     * they are a function of the whole story's text, so computing them once per batch
     * instead of once per article keeps a large batch linear.
     */
    async add(input: IngestInput, { deferPassages = false } = {}): Promise<IngestOutcome> {
      const result = prepareArticle(input, context);
      if (!result.ok)
        return { ok: false, status: result.problem.code === 'duplicate' ? 409 : 422, problem: result.problem };
      const { article, newOutlet, analysis, suggestions } = result.prepared;
      const passages: Passage[] | null = deferPassages ? null : findSharedPassages(storyId, [...articles, article]);
      if ((await store.addArticle({ article, newOutlet, passages })) === 'exists') {
        return {
          ok: false,
          status: 409,
          problem: { code: 'duplicate', field: 'content', message: `an article with the id ${article.id} exists` },
        };
      }
      articles.push(article);
      passagesStale = deferPassages;
      context = withStoredArticle(context, article, result.fingerprint, newOutlet);
      return {
        ok: true,
        review: {
          article: metaOf(article),
          newOutlet,
          analysis,
          suggestions: reviewSuggestions(suggestions, new Set(), []),
        },
      };
    },

    /** Brings the story's shared passages up to date after deferred additions. */
    async finish(): Promise<void> {
      if (!passagesStale) return;
      await store.replacePassages(storyId, currentPassages());
      passagesStale = false;
    },
  };
}

/** The review of an article already in the store: its analysis and the suggestions still open. */
export async function reviewStoredArticle(store: Store, articleId: string): Promise<ArticleReview | null> {
  const article = await store.getArticle(articleId);
  if (!article) return null;
  const loaded = await loadStory(store, article.story);
  if (!loaded) return null;
  const { analysis, suggestions } = analyseArticle(article, 'text', contextOf(loaded, article.id));
  const mentioned = new Set(loaded.bundle.mentions.filter((m) => m.article === article.id).map((m) => m.claim));
  const rejected = await store.listRejectedSuggestions(article.id);
  return {
    article: metaOf(article),
    newOutlet: null,
    analysis,
    suggestions: reviewSuggestions(suggestions, mentioned, rejected),
  };
}
