import {
  stepSources,
  type Actor,
  type AttributionNode,
  type AttributionStep,
  type Mention,
  type Outlet,
  type Stance,
} from './schemas';
import { isOpposing, isSupporting } from './stance-rules';
import type { AnyStoryIndex } from './story-index';
import { foldText } from './text-folding';

/*
 * Independent origins of a claim.
 *
 * An attribution chain runs from the original source to the outlet that published the article
 * ("Egyptian sources → Al-Araby Al-Jadeed → Israel National News"). Mentions that go back to the
 * same origin are one source, however many outlets relay them. The rules:
 *
 * 1. Identity. Outlets are one entity when they share a name, an alias, or an id that reads as
 *    one of those names (Al-Araby Al-Jadeed = The New Arab = `the-new-arab`). A named actor is the
 *    outlet of the same name when there is one (the White House speaking and its website), else
 *    one entity per name.
 * 2. Unnamed sources. "Two U.S. officials" cannot be told apart from other unnamed officials, so
 *    an unnamed source is no origin of its own: it belongs to the first named link that vouches
 *    for it. Unnamed sources heard through the same named link count once; through different
 *    named links, once each. An actor id the story does not know is treated as unnamed: a source
 *    nobody can identify cannot add independent confirmation.
 * 3. Relays. A chain that starts with another outlet ("IBTimes, citing Al-Araby Al-Jadeed") says
 *    where the publisher got the claim, not where that outlet did. When that outlet's own
 *    coverage of the claim on the same side is in the story, the relay goes back to the origins
 *    of that coverage; otherwise the relayed outlet is the origin.
 * 4. Missing links. A chain that does not end with the publishing outlet is completed with it;
 *    an outlet id in no list still names an origin, by its id.
 * 5. Cycles. A chain that comes back to an earlier link (A → B → A → C) is cut to A → C. Outlets
 *    that relay each other with no outside source form one circular origin.
 * 6. Co-sources. A step with several sources ("the State Department and Pentagon both said") is
 *    one statement with several voices, so it is one origin, not one per voice: the outlet
 *    reports a single joint position, and nothing in its text lets a reader check each voice
 *    apart, so counting two would double the confirmation one sentence gives. Origins that
 *    share a voice are one origin (the State Department alone and the State Department with
 *    the Pentagon), since they cannot be independent of each other.
 */

export type OriginSide = 'support' | 'opposition';

/** A link of an attribution chain, resolved to the entity it names. */
export type ResolvedNode = {
  /** Identity: two links with the same key are the same entity. */
  key: string;
  kind: AttributionNode['kind'];
  /** The id as the chain wrote it. */
  id: string;
  name: string;
  /** Other names of the entity (outlets), for display. */
  aliases: readonly string[];
  /** Outlets and named actors; unnamed and unknown sources are not. */
  named: boolean;
  /** The id is one of the story's outlets or actors (or an outlet's alias). */
  known: boolean;
  /** For a step of co-sources: each voice, resolved; the step's key is made of theirs. */
  voices?: readonly ResolvedNode[];
};

/** The entities a link speaks for: its co-sources, or itself. */
export const voicesOf = (node: ResolvedNode): readonly ResolvedNode[] => node.voices ?? [node];

export type ChainIssue = 'empty-chain' | 'missing-publisher' | 'unknown-link' | 'loop' | 'circular-relay';

/** How one mention reaches the origin it is counted under. */
export type OriginRoute = {
  mention: Pick<Mention, 'id' | 'article' | 'stance'>;
  /** From the origin to the publishing outlet, through the relays in between. */
  path: ResolvedNode[];
  /** Unnamed sources the first named link of the chain vouches for. */
  unnamed: ResolvedNode[];
  /** The chain started with another outlet and was traced back through its coverage. */
  relayed: boolean;
  issues: ChainIssue[];
};

export type OriginGroup = {
  /** Stable identity of the origin (an entity key, or the keys of a circle). */
  id: string;
  /** The entity, or for outlets relaying each other in a circle, all of them. */
  members: ResolvedNode[];
  /** Every entity that speaks in this origin: co-sources each count here, and once. */
  voices: ResolvedNode[];
  circular: boolean;
  routes: OriginRoute[];
};

export type ClaimOrigins = Record<OriginSide, OriginGroup[]>;

export type EntityResolver = { resolve(node: AttributionNode): ResolvedNode };

const jointly = new Intl.ListFormat('en', { type: 'conjunction' });

/** A step of the chain resolved: one entity, or one joint link of its co-sources. */
export function resolveStep(step: AttributionStep, resolver: EntityResolver): ResolvedNode {
  const voices: ResolvedNode[] = [];
  for (const node of stepSources(step)) {
    const voice = resolver.resolve(node);
    if (!voices.some((v) => v.key === voice.key)) voices.push(voice);
  }
  // A group whose members are one entity under two names is that entity.
  if (voices.length === 1) return voices[0] as ResolvedNode;
  voices.sort((a, b) => compare(a.key, b.key));
  return {
    key: `joint:${voices.map((v) => v.key).join('+')}`,
    kind: voices.every((v) => v.kind === 'outlet') ? 'outlet' : 'actor',
    id: voices.map((v) => v.id).join('+'),
    name: jointly.format(voices.map((v) => v.name)),
    aliases: [],
    named: voices.some((v) => v.named),
    known: voices.every((v) => v.known),
    voices,
  };
}

export type OriginContext = {
  resolver: EntityResolver;
  /** The outlet id of an article, if the story has the article. */
  publisherOf(articleId: string): string | undefined;
};

export function sideOf(stance: Stance): OriginSide | null {
  if (isSupporting(stance)) return 'support';
  if (isOpposing(stance)) return 'opposition';
  return null;
}

/** Compares names as readers do: case, accents, punctuation and a leading "The" do not count. */
export function nameKey(name: string): string {
  const key = foldText(name)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return key.startsWith('the ') ? key.slice(4) : key;
}

type OutletEntity = { key: string; name: string; aliases: string[] };

export function createEntityResolver(outlets: Iterable<Outlet>, actors: Iterable<Actor>): EntityResolver {
  const outletList = [...outlets];
  const parent = outletList.map((_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root] as number;
    while (parent[i] !== root) [i, parent[i]] = [parent[i] as number, root];
    return root;
  };
  const firstByName = new Map<string, number>();
  outletList.forEach((outlet, i) => {
    for (const name of [outlet.id, outlet.name, ...outlet.aliases]) {
      const key = nameKey(name);
      if (key === '') continue;
      const other = firstByName.get(key);
      if (other === undefined) firstByName.set(key, i);
      else parent[find(i)] = find(other);
    }
  });

  const members = new Map<number, Outlet[]>();
  outletList.forEach((outlet, i) => {
    const root = find(i);
    members.set(root, [...(members.get(root) ?? []), outlet]);
  });
  const entityOfRoot = new Map<number, OutletEntity>();
  for (const [root, group] of members) {
    // The smallest id names the group, so the result does not depend on the order of the list.
    const main = group.reduce((a, b) => (b.id < a.id ? b : a));
    const names = new Set(group.flatMap((o) => [o.name, ...o.aliases]));
    names.delete(main.name);
    entityOfRoot.set(root, { key: `outlet:${main.id}`, name: main.name, aliases: [...names] });
  }
  const outletById = new Map(outletList.map((o, i) => [o.id, entityOfRoot.get(find(i)) as OutletEntity]));
  const outletByName = (name: string) => {
    const i = firstByName.get(nameKey(name));
    return i === undefined ? undefined : entityOfRoot.get(find(i));
  };
  const actorById = new Map([...actors].map((a) => [a.id, a]));

  const cache = { outlet: new Map<string, ResolvedNode>(), actor: new Map<string, ResolvedNode>() };
  const resolveUncached = ({ kind, id }: AttributionNode): ResolvedNode => {
    if (kind === 'outlet') {
      const outlet = outletById.get(id) ?? outletByName(id);
      if (outlet) return { kind, id, ...outlet, named: true, known: true };
      return { key: `outlet:${id}`, kind, id, name: id, aliases: [], named: true, known: false };
    }
    const actor = actorById.get(id);
    if (!actor) return { key: `unknown:${id}`, kind, id, name: id, aliases: [], named: false, known: false };
    if (actor.kind === 'unnamed-source') {
      return { key: `unnamed:${id}`, kind, id, name: actor.name, aliases: [], named: false, known: true };
    }
    const outlet = outletByName(actor.name);
    const key = outlet?.key ?? `actor:${nameKey(actor.name) || id}`;
    return { key, kind, id, name: actor.name, aliases: [], named: true, known: true };
  };
  return {
    resolve(node) {
      const byId = cache[node.kind];
      let resolved = byId.get(node.id);
      if (!resolved) {
        resolved = resolveUncached(node);
        byId.set(node.id, resolved);
      }
      return resolved;
    },
  };
}

const contexts = new WeakMap<AnyStoryIndex, OriginContext>();

/** The origin context of a story, built once per index. */
export function originContextFor(index: AnyStoryIndex): OriginContext {
  let context = contexts.get(index);
  if (!context) {
    context = {
      resolver: createEntityResolver(index.outlets.values(), index.actors.values()),
      publisherOf: (articleId) => index.articles.get(articleId)?.outlet,
    };
    contexts.set(index, context);
  }
  return context;
}

/** A mention's chain after aliases, loops and a missing publisher are dealt with. */
export type NormalizedChain = {
  links: ResolvedNode[];
  /** Index of the first named link: where the chain's own knowledge starts. */
  originAt: number;
  issues: ChainIssue[];
};

export function normalizeChain(
  chain: readonly AttributionStep[],
  publisherId: string | undefined,
  resolver: EntityResolver,
): NormalizedChain | null {
  // Runs for every mention of a story: plain arrays, no sets or maps for chains of a few links.
  const issues: ChainIssue[] = [];
  const flag = (issue: ChainIssue) => {
    if (!issues.includes(issue)) issues.push(issue);
  };
  const resolved = chain.map((step) => resolveStep(step, resolver));
  if (resolved.length === 0) flag('empty-chain');
  if (publisherId !== undefined) {
    const publisher = resolver.resolve({ kind: 'outlet', id: publisherId });
    if (resolved[resolved.length - 1]?.key !== publisher.key) {
      if (resolved.length > 0) flag('missing-publisher');
      resolved.push(publisher);
    }
  }
  if (resolved.length === 0) return null;

  const links: ResolvedNode[] = [];
  for (const node of resolved) {
    if (!node.known) flag('unknown-link');
    const seen = links.findIndex((link) => link.key === node.key);
    if (seen === -1) {
      links.push(node);
    } else if (seen < links.length - 1) {
      // Came back to an earlier link: what happened in between adds nothing, so the loop goes.
      links.length = seen + 1;
      flag('loop');
    }
    // seen === last: the same entity twice in a row (an outlet and its alias) is one link.
  }
  const named = links.findIndex((node) => node.named);
  return { links, originAt: named === -1 ? 0 : named, issues };
}

type SideChain = NormalizedChain & { mention: Pick<Mention, 'id' | 'article' | 'stance'> };

/** The independent origins of a claim's support and opposition. */
export function analyzeClaimOrigins(
  mentions: readonly Pick<Mention, 'id' | 'article' | 'stance' | 'attribution'>[],
  context: OriginContext,
): ClaimOrigins {
  const chains: Record<OriginSide, SideChain[]> = { support: [], opposition: [] };
  for (const mention of mentions) {
    const side = sideOf(mention.stance);
    if (!side) continue;
    const chain = normalizeChain(mention.attribution, context.publisherOf(mention.article), context.resolver);
    if (chain)
      chains[side].push({ ...chain, mention: { id: mention.id, article: mention.article, stance: mention.stance } });
  }
  return {
    support: mergeSharedVoices(groupSide(chains.support)),
    opposition: mergeSharedVoices(groupSide(chains.opposition)),
  };
}

/** Origins that share a voice are one origin (rule 6). */
function mergeSharedVoices(groups: OriginGroup[]): OriginGroup[] {
  if (!groups.some((group) => group.members.some((member) => member.voices))) return groups;
  const merged: OriginGroup[] = [];
  for (const group of groups) {
    const keys = new Set(group.voices.map((voice) => voice.key));
    const overlapping = merged.filter((other) => other.voices.some((voice) => keys.has(voice.key)));
    const all = [...overlapping, group];
    const one: OriginGroup = {
      id: all.map((g) => g.id).join(' + '),
      members: uniqueByKey(all.flatMap((g) => g.members)),
      voices: uniqueByKey(all.flatMap((g) => g.voices)),
      circular: all.some((g) => g.circular),
      routes: all.flatMap((g) => g.routes),
    };
    for (const other of overlapping) merged.splice(merged.indexOf(other), 1);
    merged.push(one);
  }
  return sortGroups(new Map(merged.map((group) => [group.id, group])));
}

function uniqueByKey(nodes: readonly ResolvedNode[]): ResolvedNode[] {
  const seen = new Map<string, ResolvedNode>();
  for (const node of nodes) if (!seen.has(node.key)) seen.set(node.key, node);
  return [...seen.values()];
}

/**
 * How an origin is named: the circle of outlets ("A ⇄ B"), or its voices ("US State Department
 * and The Pentagon" for a joint statement, and for a voice that also spoke alone).
 */
export function originName(group: OriginGroup): string {
  if (group.circular) return group.members.map((member) => member.name).join(' ⇄ ');
  return jointly.format(group.voices.map((voice) => voice.name));
}

/** Just the numbers of independent origins of an analysis. */
export function countOrigins(origins: ClaimOrigins): Record<OriginSide, number> {
  return { support: origins.support.length, opposition: origins.opposition.length };
}

/**
 * The numbers of independent origins without building the routes: what a list of thousands of
 * claims needs. Equal to `countOrigins(analyzeClaimOrigins(...))`; claims with relays take the
 * full analysis, since a relay's origin depends on the other chains.
 */
export function countClaimOrigins(
  mentions: readonly Pick<Mention, 'id' | 'article' | 'stance' | 'attribution'>[],
  context: OriginContext,
): Record<OriginSide, number> {
  const support = new Set<string>();
  const opposition = new Set<string>();
  for (const mention of mentions) {
    const side = sideOf(mention.stance);
    if (!side) continue;
    const chain = normalizeChain(mention.attribution, context.publisherOf(mention.article), context.resolver);
    if (!chain) continue;
    if (isRelay(chain) || chain.links.some((link) => link.voices)) {
      return countOrigins(analyzeClaimOrigins(mentions, context));
    }
    (side === 'support' ? support : opposition).add((chain.links[chain.originAt] as ResolvedNode).key);
  }
  return { support: support.size, opposition: opposition.size };
}

const isRelay = (chain: NormalizedChain) =>
  chain.originAt === 0 && chain.links.length > 1 && chain.links[0]?.kind === 'outlet';

function groupSide(chains: SideChain[]): OriginGroup[] {
  const groups = new Map<string, OriginGroup>();
  const add = (members: ResolvedNode[], id: string, route: OriginRoute) => {
    let group = groups.get(id);
    if (!group) {
      group = { id, members, voices: uniqueByKey(members.flatMap(voicesOf)), circular: members.length > 1, routes: [] };
      groups.set(id, group);
    }
    group.routes.push(route);
  };

  const routeOf = (chain: SideChain, path: ResolvedNode[], relayed: boolean, issues = chain.issues): OriginRoute => ({
    mention: chain.mention,
    path,
    unnamed: chain.links.slice(0, chain.originAt),
    relayed,
    issues,
  });

  if (!chains.some(isRelay)) {
    // Without relays no chain needs another's coverage: each origin is its chain's first named link.
    for (const chain of chains) {
      const origin = chain.links[chain.originAt] as ResolvedNode;
      add([origin], origin.key, routeOf(chain, chain.links.slice(chain.originAt), false));
    }
    return sortGroups(groups);
  }

  const graph = new RelayGraph(chains);
  for (const chain of chains) {
    const origin = chain.links[chain.originAt] as ResolvedNode;
    if (!isRelay(chain)) {
      const component = graph.componentOf(origin.key);
      add(graph.membersOf(component), graph.idOf(component), routeOf(chain, chain.links.slice(chain.originAt), false));
      continue;
    }
    for (const component of graph.originsUpstreamOf(origin.key)) {
      const members = graph.membersOf(component);
      const circular = members.length > 1;
      const issues: ChainIssue[] = circular ? [...chain.issues, 'circular-relay'] : chain.issues;
      const path = [...graph.pathFrom(component, origin.key), ...chain.links.slice(1)];
      add(members, graph.idOf(component), routeOf(chain, path, true, issues));
    }
  }
  return sortGroups(groups);
}

/** The origin most mentions go back to first; ties by name, so the order reads the same every time. */
function sortGroups(groups: Map<string, OriginGroup>): OriginGroup[] {
  const labelled = [...groups.values()].map((group) => ({
    group,
    label: group.members.map((member) => member.name.toLowerCase()).join(' '),
  }));
  labelled.sort(
    (a, b) =>
      b.group.routes.length - a.group.routes.length || compare(a.label, b.label) || compare(a.group.id, b.group.id),
  );
  return labelled.map(({ group }) => group);
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Who passed the claim to whom on one side, over every named link of every chain, with its
 * strongly connected components (outlets that relay each other) collapsed.
 */
class RelayGraph {
  private readonly nodes = new Map<string, ResolvedNode>();
  private readonly incoming = new Map<string, Set<string>>();
  private readonly outgoing = new Map<string, Set<string>>();
  /** Origins of chains that are not relays: the relays may come from any of them. */
  private readonly statedOrigins = new Set<string>();
  private readonly component = new Map<string, number>();
  private readonly components: string[][] = [];
  /** For each component, the other components with a link into it. */
  private readonly upstream: number[][] = [];
  private readonly upstreamOrigins = new Map<number, number[]>();
  private readonly downstream = new Map<number, Map<string, string | null>>();

  constructor(chains: readonly SideChain[]) {
    for (const chain of chains) {
      const named = chain.links.slice(chain.originAt);
      named.forEach((node, i) => {
        if (!this.nodes.has(node.key)) this.nodes.set(node.key, node);
        const next = named[i + 1];
        if (next) {
          edge(this.outgoing, node.key, next.key);
          edge(this.incoming, next.key, node.key);
        }
      });
      if (!isRelay(chain)) this.statedOrigins.add((named[0] as ResolvedNode).key);
    }
    this.findComponents();
    this.components.forEach((members, c) => {
      const upstream = new Set<number>();
      for (const member of members) {
        for (const from of this.incoming.get(member) ?? []) {
          const other = this.componentOf(from);
          if (other !== c) upstream.add(other);
        }
      }
      this.upstream.push([...upstream]);
    });
  }

  componentOf(key: string): number {
    return this.component.get(key) as number;
  }

  membersOf(component: number): ResolvedNode[] {
    return (this.components[component] as string[]).map((key) => this.nodes.get(key) as ResolvedNode);
  }

  idOf(component: number): string {
    return (this.components[component] as string[]).join(' ⇄ ');
  }

  /**
   * The origins a relay of `key` may go back to: upstream components where coverage starts,
   * i.e. with nothing further upstream, or the stated origin of some chain.
   */
  originsUpstreamOf(key: string): number[] {
    const start = this.componentOf(key);
    // Post-order over the components upstream (a DAG), so each is worked out once.
    const stack = [start];
    while (stack.length > 0) {
      const current = stack[stack.length - 1] as number;
      if (this.upstreamOrigins.has(current)) {
        stack.pop();
        continue;
      }
      const upstream = this.upstream[current] as number[];
      const pending = upstream.filter((c) => !this.upstreamOrigins.has(c));
      if (pending.length > 0) {
        stack.push(...pending);
        continue;
      }
      stack.pop();
      const origins = new Set<number>();
      const stated = (this.components[current] as string[]).some((member) => this.statedOrigins.has(member));
      if (upstream.length === 0 || stated) origins.add(current);
      for (const c of upstream) for (const origin of this.upstreamOrigins.get(c) as number[]) origins.add(origin);
      this.upstreamOrigins.set(
        current,
        [...origins].sort((a, b) => a - b),
      );
    }
    return this.upstreamOrigins.get(start) as number[];
  }

  /** A shortest path of links from a component down to `key`, both ends included. */
  pathFrom(component: number, key: string): ResolvedNode[] {
    let previous = this.downstream.get(component);
    if (!previous) {
      // Breadth first from the component's members: every node's link towards it, found once.
      const members = this.components[component] as string[];
      previous = new Map(members.map((member) => [member, null]));
      const queue = [...members];
      for (let head = 0; head < queue.length; head += 1) {
        const current = queue[head] as string;
        for (const to of this.outgoing.get(current) ?? []) {
          if (previous.has(to)) continue;
          previous.set(to, current);
          queue.push(to);
        }
      }
      this.downstream.set(component, previous);
    }
    const path: ResolvedNode[] = [];
    for (let at: string | null = key; at !== null; at = previous.get(at) ?? null) {
      path.push(this.nodes.get(at) as ResolvedNode);
    }
    return path.reverse();
  }

  /** Tarjan's algorithm, iterative so that no chain can overflow the stack. */
  private findComponents() {
    let counter = 0;
    const order = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const onStack = new Set<string>();
    const keys = [...this.nodes.keys()].sort();
    for (const root of keys) {
      if (order.has(root)) continue;
      const work: [string, string[]][] = [[root, [...(this.outgoing.get(root) ?? [])]]];
      order.set(root, counter);
      low.set(root, counter++);
      stack.push(root);
      onStack.add(root);
      while (work.length > 0) {
        const frame = work[work.length - 1] as [string, string[]];
        const [node, pending] = frame;
        const next = pending.pop();
        if (next !== undefined) {
          if (!order.has(next)) {
            order.set(next, counter);
            low.set(next, counter++);
            stack.push(next);
            onStack.add(next);
            work.push([next, [...(this.outgoing.get(next) ?? [])]]);
          } else if (onStack.has(next)) {
            low.set(node, Math.min(low.get(node) as number, order.get(next) as number));
          }
          continue;
        }
        work.pop();
        const parent = work[work.length - 1];
        if (parent) low.set(parent[0], Math.min(low.get(parent[0]) as number, low.get(node) as number));
        if (low.get(node) === order.get(node)) {
          const members: string[] = [];
          let member: string;
          do {
            member = stack.pop() as string;
            onStack.delete(member);
            members.push(member);
            this.component.set(member, this.components.length);
          } while (member !== node);
          this.components.push(members.sort());
        }
      }
    }
  }
}

function edge(map: Map<string, Set<string>>, from: string, to: string) {
  const set = map.get(from);
  if (set) set.add(to);
  else map.set(from, new Set([to]));
}

/** A node of an origin tree: an entity, the mentions published there, and who relayed it on. */
export type OriginTreeNode = {
  node: ResolvedNode;
  /** Mentions whose chain ends here (the entity published them). */
  mentions: { mention: OriginRoute['mention']; unnamed: ResolvedNode[]; relayed: boolean; issues: ChainIssue[] }[];
  children: OriginTreeNode[];
};

/** The routes of one origin as a tree rooted at the origin: shared links are drawn once. */
export function originTree(group: OriginGroup): OriginTreeNode[] {
  const roots: OriginTreeNode[] = [];
  for (const route of group.routes) {
    let level = roots;
    let current: OriginTreeNode | undefined;
    for (const node of route.path) {
      current = level.find((child) => child.node.key === node.key);
      if (!current) {
        current = { node, mentions: [], children: [] };
        level.push(current);
      }
      level = current.children;
    }
    current?.mentions.push({
      mention: route.mention,
      unnamed: route.unnamed,
      relayed: route.relayed,
      issues: route.issues,
    });
  }
  return roots;
}
