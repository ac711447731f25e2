import { createHash } from 'node:crypto';
import type { ReviewAnswer } from './article-analyser';
import type { IngestSources } from './prepare-article';

type Analysed = ReviewAnswer & { ok: true };

/**
 * The version of what an article's analysis depends on: the story's other articles, its
 * claims and mentions (the evidence suggestions are ranked by), the known outlets and actors.
 * Articles are immutable under their id (it carries a fingerprint of the text), and mention
 * ids are derived from their content, so ids and texts suffice.
 */
export function analysisVersion(sources: IngestSources): string {
  const byId = <T extends { id: string }>(items: readonly T[]) => [...items].sort((a, b) => a.id.localeCompare(b.id));
  return createHash('sha256')
    .update(
      JSON.stringify([
        [...sources.bodies.keys()].sort(),
        byId(sources.story.claims).map((claim) => [claim.id, claim.text]),
        sources.story.mentions.map((mention) => mention.id).sort(),
        byId(sources.outlets),
        byId(sources.actors),
      ]),
    )
    .digest('base64url');
}

/**
 * Analyses and suggestions per article, computed once (when the article is added) and again
 * only when the story's version changes: re-analysing a story of large articles on every
 * request cost seconds of CPU each. Bounded: the least recently used articles are forgotten.
 */
export function createSuggestionCache(limit = 256) {
  const entries = new Map<string, { version: string; analysed: Analysed }>();
  return {
    get(articleId: string, version: string): Analysed | null {
      const entry = entries.get(articleId);
      if (!entry || entry.version !== version) return null;
      entries.delete(articleId);
      entries.set(articleId, entry);
      return entry.analysed;
    },
    set(articleId: string, version: string, analysed: Analysed) {
      entries.delete(articleId);
      entries.set(articleId, { version, analysed });
      for (const oldest of entries.keys()) {
        if (entries.size <= limit) break;
        entries.delete(oldest);
      }
    },
    get size() {
      return entries.size;
    },
  };
}

export type SuggestionCache = ReturnType<typeof createSuggestionCache>;
