import * as z from 'zod/mini';
import { checkSpan, reanchorSpan } from '@/domain/span-anchoring';
import {
  stanceSchema,
  type Article,
  type ArticleMeta,
  type Mention,
  type Stance,
  type StoryBundle,
} from '@/domain/schemas';
import type { ImportedAnnotation } from '../store/publication-store';
import type { Desk } from './claim-review';

/** The W3C Web Annotation context every document here names (bundled as contexts/anno.jsonld). */
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

type JsonLd = Record<string, unknown>;

/** Where an article is for a reader: its own address, else its pane in Parallax. */
export const articleTargetOf = (article: ArticleMeta, base: string) =>
  article.source.url ?? new URL(`?story=${article.story}&panes=${article.id}`, base).toString();

/** An annotation's id: the story's collection, and the span's place in its mention. */
const annotationId = (collection: string, mention: Mention, ordinal: number) =>
  `${collection}#${mention.id}.${ordinal}`;

/**
 * Every evidence span of a story as a W3C Web Annotation, in one AnnotationCollection: the
 * target is the article (its URL, or its Parallax address) with a TextQuoteSelector and a
 * TextPositionSelector; the body is the claim (identifying) and the stance (classifying);
 * the creator and date are the import's record where the span came from another tool, else
 * the desk.
 */
export function annotationCollectionOf(input: {
  bundle: StoryBundle;
  imported: readonly ImportedAnnotation[];
  desk: Desk;
  /** Parallax's own address, for claims and articles without one. */
  base: string;
  generated: string;
}): JsonLd {
  const { bundle, desk, base, generated } = input;
  const collection = new URL(`api/stories/${bundle.story.id}/annotations`, base).toString();
  const articles = new Map(bundle.articles.map((article) => [article.id, article]));
  const claims = new Map(bundle.claims.map((claim) => [claim.id, claim]));
  const imported = new Map(input.imported.map((entry) => [entry.mention, entry]));
  const deskAgent = { type: 'Organization', name: desk.name, homepage: desk.url };

  const items: JsonLd[] = [];
  for (const mention of bundle.mentions) {
    const article = articles.get(mention.article);
    const claim = claims.get(mention.claim);
    if (!article || !claim) continue;
    const origin = imported.get(mention.id);
    mention.spans.forEach((span, ordinal) => {
      items.push({
        id: origin && mention.spans.length === 1 ? origin.annotation : annotationId(collection, mention, ordinal),
        type: 'Annotation',
        motivation: 'assessing',
        creator: origin?.creator ? { type: 'Person', name: origin.creator } : deskAgent,
        ...(origin?.created ? { created: origin.created } : {}),
        ...(origin ? { modified: origin.importedAt } : {}),
        generator: { type: 'Software', name: 'Parallax' },
        body: [
          {
            id: new URL(`claims/${claim.id}`, base).toString(),
            type: 'TextualBody',
            purpose: 'identifying',
            value: claim.text,
          },
          { type: 'TextualBody', purpose: 'classifying', value: mention.stance },
        ],
        target: {
          type: 'SpecificResource',
          source: articleTargetOf(article, base),
          selector: [
            { type: 'TextQuoteSelector', exact: span.exact, prefix: span.prefix, suffix: span.suffix },
            { type: 'TextPositionSelector', start: span.start, end: span.end },
          ],
        },
      });
    });
  }
  return {
    '@context': ANNO_CONTEXT,
    id: collection,
    type: 'AnnotationCollection',
    label: `Evidence of “${bundle.story.title}”`,
    total: items.length,
    generated,
    first: { id: `${collection}#page-1`, type: 'AnnotationPage', startIndex: 0, items },
  };
}

/* Reading a collection: the shape annotation tools write, loosely, and each part checked. */

const oneOrMany = <T extends z.ZodMiniType>(schema: T) =>
  z.pipe(
    z.union([schema, z.array(schema)]),
    z.transform((value): z.output<T>[] => (Array.isArray(value) ? value : [value]) as z.output<T>[]),
  );

const selectorSchema = z.looseObject({
  type: z.string(),
  exact: z.optional(z.string()),
  prefix: z.optional(z.string()),
  suffix: z.optional(z.string()),
  start: z.optional(z.int().check(z.nonnegative())),
  end: z.optional(z.int().check(z.nonnegative())),
});

const bodySchema = z.union([
  z.string(),
  z.looseObject({
    id: z.optional(z.string()),
    type: z.optional(z.string()),
    purpose: z.optional(z.string()),
    value: z.optional(z.string()),
  }),
]);

const agentSchema = z.union([z.string(), z.looseObject({ name: z.optional(z.string()), id: z.optional(z.string()) })]);

const annotationSchema = z.looseObject({
  id: z.string().check(z.minLength(1), z.maxLength(2000)),
  type: z.optional(z.union([z.string(), z.array(z.string())])),
  creator: z.optional(z.union([agentSchema, z.array(agentSchema)])),
  created: z.optional(z.string()),
  body: z.optional(oneOrMany(bodySchema)),
  target: oneOrMany(
    z.union([z.string(), z.looseObject({ source: z.string(), selector: z.optional(oneOrMany(selectorSchema)) })]),
  ),
});
export type WebAnnotation = z.infer<typeof annotationSchema>;

const MAX_ANNOTATIONS = 2_000;

/** The body of POST /api/stories/:story/annotations: a collection (its first page), a page, or a list. */
export const annotationImportSchema = z.pipe(
  z.union([
    z.looseObject({ first: z.looseObject({ items: z.array(z.unknown()) }) }),
    z.looseObject({ items: z.array(z.unknown()) }),
    z.array(z.unknown()),
  ]),
  z.transform((value): unknown[] => {
    if (Array.isArray(value)) return value;
    if ('first' in value) return (value.first as { items: unknown[] }).items;
    return (value as { items: unknown[] }).items;
  }),
);

export type ImportPlacement = {
  annotation: string;
  mention: Mention;
  provenance: Omit<ImportedAnnotation, 'importedBy' | 'importedAt'>;
};
export type ImportRefusal = { annotation: string | null; index: number; reason: string };

/** The article an annotation's target source names: by its own URL, or by its Parallax address. */
function articleFor(source: string, articles: readonly Article[]): Article | undefined {
  const byUrl = articles.find((article) => article.source.url === source);
  if (byUrl) return byUrl;
  let url: URL;
  try {
    url = new URL(source);
  } catch {
    return undefined;
  }
  const panes = url.searchParams.get('panes')?.split(',') ?? [];
  const last = url.pathname.split('/').filter(Boolean).pop();
  return articles.find((article) => (panes.length === 1 && panes[0] === article.id) || last === article.id);
}

const claimIdOf = (iri: string) => /\/claims\/([a-z0-9][a-z0-9_-]{0,63})\/?$/.exec(iri)?.[1];

async function mentionIdFor(story: string, annotation: string) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${story}\n${annotation}`));
  const hex = [...new Uint8Array(digest).slice(0, 8)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `wa-${hex}`;
}

/**
 * Places each annotation of a collection on a story's articles: the target names the
 * article, the quote (with its context) and the position re-find the span, the body names
 * the claim (by its Parallax address or its exact wording) and the stance. What cannot be
 * placed is reported with the reason, and nothing of it is kept.
 */
export async function placeAnnotations(input: {
  items: readonly unknown[];
  bundle: StoryBundle;
  articles: readonly Article[];
}): Promise<{ placed: ImportPlacement[]; unplaced: ImportRefusal[] }> {
  const { bundle, articles } = input;
  const claimsById = new Map(bundle.claims.map((claim) => [claim.id, claim]));
  const placed: ImportPlacement[] = [];
  const unplaced: ImportRefusal[] = [];
  const seen = new Set<string>();
  if (input.items.length > MAX_ANNOTATIONS) {
    return { placed, unplaced: [{ annotation: null, index: 0, reason: `at most ${MAX_ANNOTATIONS} annotations` }] };
  }
  for (const [index, item] of input.items.entries()) {
    const parsed = annotationSchema.safeParse(item);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const id = typeof (item as { id?: unknown } | null)?.id === 'string' ? (item as { id: string }).id : null;
      unplaced.push({ annotation: id, index, reason: `${issue?.path.join('.') || 'annotation'}: ${issue?.message}` });
      continue;
    }
    const annotation = parsed.data;
    const refuse = (reason: string) => unplaced.push({ annotation: annotation.id, index, reason });
    if (seen.has(annotation.id)) {
      refuse('the collection has this annotation twice');
      continue;
    }
    seen.add(annotation.id);

    const bodies = annotation.body ?? [];
    let claimId: string | undefined;
    let stance: Stance | undefined;
    for (const body of bodies) {
      const value = typeof body === 'string' ? undefined : body.value;
      const iri = typeof body === 'string' ? body : body.id;
      const byIri = iri ? claimIdOf(iri) : undefined;
      if (byIri && claimsById.has(byIri)) claimId ??= byIri;
      else if (value && typeof body !== 'string' && body.purpose !== 'classifying') {
        claimId ??= bundle.claims.find((claim) => claim.text === value)?.id;
      }
      const asStance = stanceSchema.safeParse(value);
      if (asStance.success && (typeof body === 'string' || body.purpose !== 'identifying')) stance ??= asStance.data;
    }
    if (!claimId) {
      refuse('the body names no claim of this story (by its address or its exact wording)');
      continue;
    }
    if (!stance) {
      refuse(`the body names no stance (one of ${stanceSchema.options.join(', ')})`);
      continue;
    }

    const target = annotation.target.find((t) => typeof t !== 'string' && t.selector);
    if (!target || typeof target === 'string') {
      refuse('the target has no selector: a quote or a position is needed to place it');
      continue;
    }
    const article = articleFor(target.source, articles);
    if (!article) {
      refuse(`the target ${target.source} is none of this story's articles`);
      continue;
    }
    const selectors = target.selector ?? [];
    const quote = selectors.find((s) => s.type === 'TextQuoteSelector' && s.exact);
    const position = selectors.find(
      (s) => s.type === 'TextPositionSelector' && s.start !== undefined && s.end !== undefined,
    );
    let anchor = null;
    if (quote?.exact) {
      const start = position?.start ?? 0;
      anchor = reanchorSpan(article.body, {
        exact: quote.exact,
        prefix: quote.prefix ?? '',
        suffix: quote.suffix ?? '',
        start,
        end: start + quote.exact.length,
      });
      // A quote without context found elsewhere than its position still stands; checkSpan says so.
      if (anchor && !checkSpan(article.body, anchor).ok) anchor = null;
    } else if (position?.start !== undefined && position.end !== undefined && position.end > position.start) {
      if (position.end <= article.body.length) {
        const { start, end } = position;
        anchor = reanchorSpan(article.body, {
          start,
          end,
          exact: article.body.slice(start, end),
          prefix: article.body.slice(Math.max(0, start - 32), start),
          suffix: article.body.slice(end, end + 32),
        });
      }
    }
    if (!anchor) {
      refuse(`the quote is not in ${article.title}`);
      continue;
    }
    const creators = annotation.creator === undefined ? [] : [annotation.creator].flat();
    const creator = creators
      .map((agent) => (typeof agent === 'string' ? agent : (agent.name ?? agent.id)))
      .filter(Boolean)
      .join(', ');
    const mentionId = await mentionIdFor(bundle.story.id, annotation.id);
    placed.push({
      annotation: annotation.id,
      mention: {
        id: mentionId,
        claim: claimId,
        article: article.id,
        stance,
        attribution: [{ kind: 'outlet', id: article.outlet }],
        spans: [{ article: article.id, ...anchor }],
      },
      provenance: {
        mention: mentionId,
        story: bundle.story.id,
        annotation: annotation.id,
        creator: creator || null,
        created: annotation.created && !Number.isNaN(Date.parse(annotation.created)) ? annotation.created : null,
      },
    });
  }
  return { placed, unplaced };
}
