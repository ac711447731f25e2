import { analyzeClaimOrigins, originContextFor, voicesOf } from '@/domain/origin-analysis';
import type { ArticleMeta, Claim, Publication, StoryBundle, VerdictStatus } from '@/domain/schemas';
import { isSupporting } from '@/domain/stance-rules';
import { indexStory, type StoryIndex } from '@/domain/story-index';

/** The desk that publishes: the review's author. */
export type Desk = { name: string; url: string };

/**
 * The numeric rating scale of a published verdict: 1 (false) to 4 (verified), worst to best,
 * as schema.org's Rating wants it. Disputed sits between misleading and verified; an
 * unverifiable claim has no place on a scale of truth, so its rating is in words only.
 */
export const RATING_SCALE = { worst: 1, best: 4 } as const;
export const RATING_VALUES: Partial<Record<VerdictStatus, number>> = {
  false: 1,
  misleading: 2,
  disputed: 3,
  verified: 4,
};

/** The verdict in words, as the review's alternateName says it. */
export const RATING_WORDS: Record<VerdictStatus, string> = {
  unreviewed: 'Not reviewed',
  verified: 'Verified',
  disputed: 'Disputed',
  false: 'False',
  misleading: 'Misleading',
  unverifiable: 'Unverifiable',
};

type JsonLd = Record<string, unknown>;

/** Where a claim's published page is: `<base>/claims/<id>/`. */
export const publishedPageUrl = (base: string, claimId: string) =>
  new URL(`claims/${encodeURIComponent(claimId)}/`, base.endsWith('/') ? base : `${base}/`).toString();

/** An article as a schema.org CreativeWork: its own address when known, else its Parallax page. */
function appearanceOf(index: StoryIndex, article: ArticleMeta, parallaxBase: string): JsonLd {
  const outlet = index.outlets.get(article.outlet);
  return {
    '@type': 'NewsArticle',
    url: article.source.url ?? new URL(`?story=${article.story}&panes=${article.id}`, parallaxBase).toString(),
    headline: article.title,
    datePublished: article.published.date,
    publisher: {
      '@type': 'Organization',
      name: outlet?.name ?? article.outlet,
      ...(outlet?.url ? { url: outlet.url } : {}),
    },
  };
}

/**
 * A published verdict as schema.org ClaimReview JSON-LD, with what Google's fact-check
 * documentation requires (claimReviewed, reviewRating with alternateName, url, author) and
 * recommends (datePublished, itemReviewed as a Claim with its appearances, first appearance
 * and claimants).
 */
export function claimReviewOf(input: {
  claim: Claim;
  bundle: StoryBundle;
  publication: Publication;
  desk: Desk;
  /** The page the review is published on. */
  pageUrl: string;
  /** Where Parallax is, for articles without an address of their own. */
  parallaxBase: string;
}): JsonLd {
  const { claim, bundle, publication, desk, pageUrl, parallaxBase } = input;
  const index = indexStory(bundle);
  const mentions = index.mentionsByClaim.get(claim.id) ?? [];
  const byDate = (a: ArticleMeta, b: ArticleMeta) =>
    a.published.date.localeCompare(b.published.date) || a.id.localeCompare(b.id);

  // One appearance per article that carries the claim (asserts or reports it).
  const carrying = [
    ...new Set(mentions.filter((mention) => isSupporting(mention.stance)).map((mention) => mention.article)),
  ]
    .map((id) => index.articles.get(id))
    .filter((article): article is ArticleMeta => article !== undefined)
    .sort(byDate);

  // The first appearance is the earliest article of the claim's independent origins; the
  // claimants are the named voices those origins go back to.
  const origins = analyzeClaimOrigins(mentions, originContextFor(index)).support;
  const originArticles = origins
    .flatMap((group) => group.routes.map((route) => index.articles.get(route.mention.article)))
    .filter((article): article is ArticleMeta => article !== undefined)
    .sort(byDate);
  const claimants = new Map<string, JsonLd>();
  for (const group of origins) {
    for (const voice of group.voices.flatMap(voicesOf)) {
      if (!voice.named || claimants.has(voice.key)) continue;
      const actor = voice.kind === 'actor' ? index.actors.get(voice.id) : undefined;
      claimants.set(voice.key, {
        '@type': actor?.kind === 'person' ? 'Person' : 'Organization',
        name: voice.name,
      });
    }
  }

  const rating = RATING_VALUES[claim.verdict.status];
  const first = originArticles[0] ?? carrying[0];
  const modified = claim.verdict.at && publication.at && claim.verdict.at > publication.at ? claim.verdict.at : null;
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: pageUrl,
    claimReviewed: claim.text,
    author: { '@type': 'Organization', name: desk.name, url: desk.url },
    datePublished: publication.firstPublishedAt ?? publication.at,
    ...(modified ? { dateModified: modified } : {}),
    reviewRating: {
      '@type': 'Rating',
      alternateName: RATING_WORDS[claim.verdict.status],
      ...(rating !== undefined
        ? { ratingValue: rating, worstRating: RATING_SCALE.worst, bestRating: RATING_SCALE.best }
        : {}),
      ...(claim.verdict.note ? { ratingExplanation: claim.verdict.note } : {}),
    },
    itemReviewed: {
      '@type': 'Claim',
      ...(claimants.size > 0 ? { author: [...claimants.values()] } : {}),
      ...(first ? { datePublished: first.published.date } : {}),
      appearance: carrying.map((article) => appearanceOf(index, article, parallaxBase)),
      ...(first ? { firstAppearance: appearanceOf(index, first, parallaxBase) } : {}),
    },
  };
}
