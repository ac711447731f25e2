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
  type StoryBundle,
} from './schemas';

/** Look-ups over a story bundle, built once per bundle rather than searched on every render. */
export type StoryIndex = {
  outlets: Map<string, Outlet>;
  actors: Map<string, Actor>;
  articles: Map<string, ArticleMeta>;
  claims: Map<string, Claim>;
  mentionsByClaim: Map<string, Mention[]>;
  mentionsByArticle: Map<string, Mention[]>;
  mentions: Map<string, Mention>;
  /** The story's research notes, which dates, chains and article metadata cite by id. */
  notes: Map<string, ResearchNote>;
};

export function indexStory(bundle: StoryBundle): StoryIndex {
  const mentionsByClaim = new Map<string, Mention[]>();
  const mentionsByArticle = new Map<string, Mention[]>();
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
export function nodeName(index: StoryIndex, node: AttributionNode): string {
  const named = node.kind === 'outlet' ? index.outlets.get(node.id) : index.actors.get(node.id);
  return named?.name ?? node.id;
}

const jointly = new Intl.ListFormat('en', { type: 'conjunction' });

/** The name of a step: one source, or its co-sources ("US State Department and The Pentagon"). */
export function stepName(index: StoryIndex, step: AttributionStep): string {
  return jointly.format(stepSources(step).map((node) => nodeName(index, node)));
}

/** "Egyptian sources → Al-Araby Al-Jadeed → Israel National News" */
export function formatAttribution(index: StoryIndex, chain: readonly AttributionStep[]): string {
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
