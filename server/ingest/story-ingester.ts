import { randomUUID } from 'node:crypto';
import type { Article, ArticleMeta, ArticleReview, Passage } from '@/domain/schemas';

import type { ClaimSuggestion } from '@/domain/ingest/claim-suggestions';
import { findSharedPassages } from '@/domain/shared-passages';
import type { ArticleArchive } from '../store/archive-store';
import type { Store } from '../store/store';
import type { AnalysisSources, ArticleAnalyser } from './article-analyser';
import type { IngestInput, IngestProblem } from './prepare-article';
import { analysisVersion, type SuggestionCache } from './suggestion-cache';

export type IngestOutcome =
  | { ok: true; review: ArticleReview }
  | {
      ok: false;
      status: 400 | 404 | 409 | 422 | 503;
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

/** What an article of the story is compared with, leaving out `except` (an article under review is not compared with itself). */
function sourcesOf({ bundle, articles, outlets, actors }: LoadedStory, except?: string): AnalysisSources {
  return {
    story: { ...bundle, mentions: bundle.mentions.filter((m) => m.article !== except) },
    bodies: new Map(articles.filter((a) => a.id !== except).map((a) => [a.id, a.body])),
    outlets,
    actors,
  };
}

const statusOf = (problem: IngestProblem) => (problem.code === 'duplicate' ? 409 : problem.code === 'busy' ? 503 : 422);

/**
 * Adds articles to one story: normalizes each (in the analyser, off the request loop),
 * refuses duplicates, recomputes the story's shared passages and stores article, new outlet
 * and passages in one transaction. The story is loaded once and kept current as articles are
 * added; its sources carry a key so the analyser extends its comparison context instead of
 * rebuilding it for every file of a batch.
 */
export async function createStoryIngester(
  store: Store,
  analyser: ArticleAnalyser,
  storyId: string,
  cache?: SuggestionCache,
) {
  const loaded = await loadStory(store, storyId);
  if (!loaded) return null;
  let sources: AnalysisSources = { ...sourcesOf(loaded), key: `${storyId}:${randomUUID()}` };
  const articles = [...loaded.articles];

  let passagesStale = false;
  const currentPassages = () => findSharedPassages(storyId, articles);

  return {
    /**
     * Adds one article. `deferPassages` leaves the shared passages to `finish()` (the bench
     * measures both ways); otherwise they are stored in the same transaction as the article,
     * so an interrupted batch never leaves them stale.
     */
    async add(
      input: IngestInput,
      { deferPassages = false, archive }: { deferPassages?: boolean; archive?: Omit<ArticleArchive, 'article'> } = {},
    ): Promise<IngestOutcome> {
      const result = await analyser.prepare({ input, sources, withPassages: !deferPassages });
      if (!result.ok) return { ok: false, status: statusOf(result.problem), problem: result.problem };
      const { article, newOutlet, analysis, suggestions } = result.prepared;
      const passages: Passage[] | null = result.passages;
      const archived = archive ? { ...archive, article: article.id } : null;
      if ((await store.addArticle({ article, newOutlet, passages, archive: archived })) === 'exists') {
        return {
          ok: false,
          status: 409,
          problem: { code: 'duplicate', field: 'content', message: `an article with the id ${article.id} exists` },
        };
      }
      articles.push(article);
      passagesStale ||= deferPassages;
      // The review of this article compares it with the same story; outlets include its own.
      cache?.set(
        article.id,
        analysisVersion({ ...sources, outlets: newOutlet ? [...sources.outlets, newOutlet] : sources.outlets }),
        { ok: true, analysis, suggestions },
      );
      sources = {
        ...sources,
        bodies: new Map(sources.bodies).set(article.id, article.body),
        outlets: newOutlet ? [...sources.outlets, newOutlet] : sources.outlets,
      };
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

export type ReviewOutcome =
  { ok: true; review: ArticleReview } | { ok: false; status: 404 | 422 | 503; problem: IngestProblem | null };

/** The review of an article already in the store: its analysis and the suggestions still open. */
export async function reviewStoredArticle(
  store: Store,
  analyser: ArticleAnalyser,
  articleId: string,
  cache?: SuggestionCache,
): Promise<ReviewOutcome> {
  const article = await store.getArticle(articleId);
  if (!article) return { ok: false, status: 404, problem: null };
  const loaded = await loadStory(store, article.story);
  if (!loaded) return { ok: false, status: 404, problem: null };
  const sources = sourcesOf(loaded, article.id);
  const version = analysisVersion(sources);
  const answer = cache?.get(article.id, version) ?? (await analyser.review({ article, sources }));
  if (answer.ok) cache?.set(article.id, version, answer);
  if (!answer.ok) return { ok: false, status: answer.problem.code === 'busy' ? 503 : 422, problem: answer.problem };
  const mentioned = new Set(loaded.bundle.mentions.filter((m) => m.article === article.id).map((m) => m.claim));
  const rejected = await store.listRejectedSuggestions(article.id);
  return {
    ok: true,
    review: {
      article: metaOf(article),
      newOutlet: null,
      analysis: answer.analysis,
      suggestions: reviewSuggestions(answer.suggestions, mentioned, rejected),
    },
  };
}
