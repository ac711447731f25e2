import {
  stepSources,
  type Actor,
  type ArticleMeta,
  type AttributionNode,
  type AttributionStep,
  type Claim,
  type Mention,
  type Outlet,
  type ResearchNote,
  type StanceCell,
  type StoryBundle,
  type StoryOverview,
} from './schemas';

/**
 * Look-ups over a story bundle (mentions with their evidence) or an overview (stance cells,
 * evidence on demand), built once per story read rather than searched on every render.
 */
export type StoryIndex<M extends StanceCell = Mention> = {
  outlets: Map<string, Outlet>;
  actors: Map<string, Actor>;
  articles: Map<string, ArticleMeta>;
  claims: Map<string, Claim>;
  mentionsByClaim: Map<string, M[]>;
  mentionsByArticle: Map<string, M[]>;
  mentions: Map<string, M>;
  /** The story's research notes, which dates, chains and article metadata cite by id. */
  notes: Map<string, ResearchNote>;
};

/** Any story index: what only reads names, claims and stances takes either kind. */
export type AnyStoryIndex = StoryIndex<StanceCell>;

/** What a story's views read of it: the bundle, or the overview with its stance cells as the mentions. */
export type StoryParts<M extends StanceCell = Mention> = Pick<
  StoryBundle,
  'story' | 'outlets' | 'actors' | 'articles' | 'claims' | 'events' | 'articleUpdates' | 'evidenceFlags'
> & {
  mentions: M[];
  /** From an overview: the quotes of the mentions events cite (a bundle's mentions carry their spans). */
  eventQuotes?: Record<string, string[]>;
};

const overviewParts = new WeakMap<StoryOverview, StoryParts<StanceCell>>();

/** An overview as story parts, one object per overview (so memos keyed by it hold). */
export function partsOfOverview(overview: StoryOverview): StoryParts<StanceCell> {
  let parts = overviewParts.get(overview);
  if (!parts) {
    const { cells, version: _version, topics: _topics, counts: _counts, ...rest } = overview;
    parts = { ...rest, mentions: cells };
    overviewParts.set(overview, parts);
  }
  return parts;
}

const indexes = new WeakMap<StoryParts<StanceCell>, StoryIndex<StanceCell>>();

/**
 * The index of a story read, built once per read however many views ask for it: every view
 * (the header, the matrix, the timeline) reads the same cached overview, and each building its
 * own index of a large story's mentions (200,000 in the large story × 4) cost a tenth of a
 * second per view shown.
 */
export function storyIndexOf<M extends StanceCell>(bundle: StoryParts<M>): StoryIndex<M> {
  let index = indexes.get(bundle) as StoryIndex<M> | undefined;
  if (!index) {
    index = indexStory(bundle);
    indexes.set(bundle, index);
  }
  return index;
}

export function indexStory<M extends StanceCell = Mention>(bundle: StoryParts<M>): StoryIndex<M> {
  const mentionsByClaim = new Map<string, M[]>();
  const mentionsByArticle = new Map<string, M[]>();
  for (const mention of bundle.mentions) {
    push(mentionsByClaim, mention.claim, mention);
    push(mentionsByArticle, mention.article, mention);
  }
  return {
    outlets: byId(bundle.outlets),
    actors: byId(bundle.actors),
    articles: byId(bundle.articles),
    claims: byId(bundle.claims),
    mentions: byId(bundle.mentions),
    mentionsByClaim,
    mentionsByArticle,
    notes: byId(bundle.story.notes ?? []),
  };
}

/** The name of a link of an attribution chain, e.g. "Egyptian sources" or "Al-Araby Al-Jadeed". */
export function nodeName(index: AnyStoryIndex, node: AttributionNode): string {
  const named = node.kind === 'outlet' ? index.outlets.get(node.id) : index.actors.get(node.id);
  return named?.name ?? node.id;
}

const jointly = new Intl.ListFormat('en', { type: 'conjunction' });

/** The name of a step: one source, or its co-sources ("US State Department and The Pentagon"). */
export function stepName(index: AnyStoryIndex, step: AttributionStep): string {
  return jointly.format(stepSources(step).map((node) => nodeName(index, node)));
}

/** "Egyptian sources → Al-Araby Al-Jadeed → Israel National News" */
export function formatAttribution(index: AnyStoryIndex, chain: readonly AttributionStep[]): string {
  return chain.map((step) => stepName(index, step)).join(' → ');
}

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}

function push<T>(map: Map<string, T[]>, key: string, value: T) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
