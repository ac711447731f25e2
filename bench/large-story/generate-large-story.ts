/**
 * A deterministic generator of a *large story* for benchmarks: the same seed always gives
 * the same corpus, byte for byte. Everything in it is fictional. Pure: no I/O, no clock.
 */
import type { Corpus } from '../../server/corpus/load-corpus';
import {
  unreviewedVerdict,
  type Actor,
  type ActorKind,
  type Article,
  type AttributionNode,
  type Claim,
  type EventDate,
  type EventFormat,
  type EventKind,
  type EventStatus,
  type Mention,
  type Outlet,
  type OutletKind,
  type Stance,
  type StoryEvent,
  type Verdict,
  type VerdictStatus,
} from '@/domain/schemas';
import { anchorAt } from '@/domain/span-anchoring';
import { splitParagraphs, splitSentences } from '@/domain/text-segmentation';
import { Random, WeightedIndex } from './prng';
import * as vocab from './vocabulary';

/** Bump whenever the output for a given seed changes, so that cached databases are rebuilt. */
export const LARGE_STORY_GENERATOR_VERSION = 2;
export const LARGE_STORY_ID = 'large-story';
export const DEFAULT_LARGE_STORY_SEED = 1;

export type LargeStorySizes = {
  articles: number;
  claims: number;
  mentions: number;
  events: number;
  outlets: number;
  actors: number;
};

/** The sizes of the product's large story (PRODUCT.md, "Quality bars"). */
export const LARGE_STORY_SIZES: Readonly<LargeStorySizes> = {
  articles: 2000,
  claims: 5000,
  mentions: 50_000,
  events: 300,
  outlets: 150,
  actors: 400,
};

export type LargeStoryOptions = { seed: number } & Partial<LargeStorySizes>;

/** The story covers about two months. */
const WINDOW_START = Date.UTC(2024, 2, 1);
const WINDOW_DAYS = 61;
const MIN_WORDS = 320;
/** Filler sentences stay under 40 words, so no article passes 900. */
const MAX_WORDS = 860;

type Topic = (typeof vocab.TOPICS)[number];

type Cast = {
  named: Actor[];
  institutions: Actor[];
  all: Actor[];
};

type PlannedMention = {
  claim: number;
  stance: Stance;
  attribution: AttributionNode[];
  sentence: string;
};

export function generateLargeStory(options: LargeStoryOptions): Corpus {
  const sizes: LargeStorySizes = { ...LARGE_STORY_SIZES, ...definedOnly(options) };
  validateSizes(sizes);
  const random = new Random(options.seed);

  const outlets = makeOutlets(random, sizes.outlets);
  const cast = makeActors(random, sizes.actors);
  const claimTopics = Array.from({ length: sizes.claims }, () => random.pick(vocab.TOPICS));
  const claimClauses = claimTopics.map((topic) => claimClause(random, topic, cast));
  const claims: Claim[] = claimClauses.map((clause, i) => ({
    id: `claim-${pad(i + 1, sizes.claims)}`,
    story: LARGE_STORY_ID,
    text: `${capitalize(clause)}.`,
    topic: (claimTopics[i] as Topic).name,
    verdict: verdictFor(random),
  }));

  const targets = Array.from({ length: sizes.articles }, () => random.int(MIN_WORDS, MAX_WORDS));
  const articleOutlets = chooseArticleOutlets(random, outlets, sizes.articles);
  const assignment = assignMentions(random, sizes, targets, (claim, article) =>
    planMention(random, claim, claimClauses[claim] as string, articleOutlets[article] as Outlet, outlets, cast),
  );

  const articles: Article[] = [];
  const mentions: Mention[] = [];
  const mentionsByClaim: string[][] = claims.map(() => []);
  for (let a = 0; a < sizes.articles; a += 1) {
    const id = `art-${pad(a + 1, sizes.articles)}`;
    const outlet = articleOutlets[a] as Outlet;
    const { article, located } = writeArticle(random, id, outlet, assignment[a] ?? [], targets[a] as number);
    articles.push(article);
    for (const { plan, sentence, next } of located) {
      const mentionId = `m-${pad(mentions.length + 1, sizes.mentions)}`;
      const spans = [sentence, ...(next && random.chance(0.2) ? [next] : [])].map(([start, end]) => ({
        article: id,
        ...anchorAt(article.body, start, end),
      }));
      mentions.push({
        id: mentionId,
        claim: (claims[plan.claim] as Claim).id,
        article: id,
        stance: plan.stance,
        attribution: plan.attribution,
        spans,
      });
      mentionsByClaim[plan.claim]?.push(mentionId);
    }
  }

  const articleById = new Map(articles.map((a) => [a.id, a]));
  const articleOfMention = new Map(mentions.map((m) => [m.id, articleById.get(m.article) as Article]));
  const events = makeEvents(random, sizes.events, cast, claimTopics, mentionsByClaim, articleOfMention);

  return {
    outlets,
    actors: cast.all,
    stories: [
      {
        story: {
          id: LARGE_STORY_ID,
          title: 'Large generated story (benchmark)',
          summary:
            `A generated story of ${sizes.articles} articles, ${sizes.claims} claims, ${sizes.mentions} mentions ` +
            `and ${sizes.events} events (seed ${options.seed}), for benchmarks. Places, people and outlets are fictional.`,
        },
        articles,
        claims,
        mentions,
        events,
        passages: [],
      },
    ],
  };
}

function definedOnly(options: LargeStoryOptions): Partial<LargeStorySizes> {
  const sizes: Partial<LargeStorySizes> = {};
  for (const key of Object.keys(LARGE_STORY_SIZES) as (keyof LargeStorySizes)[]) {
    const value = options[key];
    if (value !== undefined) sizes[key] = value;
  }
  return sizes;
}

function validateSizes(sizes: LargeStorySizes): void {
  for (const [key, value] of Object.entries(sizes)) {
    const min = key === 'events' ? 0 : 1;
    if (!Number.isInteger(value) || value < min) throw new RangeError(`${key} must be an integer ≥ ${min}`);
  }
  if (sizes.mentions > sizes.articles * sizes.claims) {
    throw new RangeError('more mentions than claim × article pairs');
  }
}

/* ---------------------------------------------------------------- outlets and actors */

const OUTLET_KINDS: [OutletKind, number][] = [
  ['newspaper', 40],
  ['online', 24],
  ['broadcaster', 16],
  ['wire', 8],
  ['aggregator', 6],
  ['government', 6],
];

function makeOutlets(random: Random, count: number): Outlet[] {
  const outlets: Outlet[] = [];
  const names = new Set<string>();
  const ids = new Set<string>();
  for (let attempt = 0; outlets.length < count; attempt += 1) {
    if (attempt > count * 100) throw new RangeError(`cannot make ${count} distinct outlet names`);
    const kind = random.weighted(OUTLET_KINDS);
    const { name, aliases } = outletName(random, kind);
    if (names.has(name)) continue;
    names.add(name);
    const id = uniqueId(slug(name), ids);
    outlets.push({ id, name, aliases, kind, url: `https://www.${slug(name.replace(/^The /, ''))}.example/` });
  }
  return outlets;
}

function outletName(random: Random, kind: OutletKind): { name: string; aliases: string[] } {
  const place = random.pick(vocab.PLACES);
  const brand = random.pick(vocab.BRAND_WORDS);
  switch (kind) {
    case 'newspaper': {
      const paper = random.pick(vocab.NEWSPAPER_WORDS);
      const aliases = [`${place} ${paper}`];
      if (random.chance(0.5)) aliases.push(initials(`${place} ${paper}`));
      if (random.chance(0.15)) aliases.push(`${place} ${paper} International Edition`);
      return { name: `The ${place} ${paper}`, aliases };
    }
    case 'online': {
      const suffix = random.pick(['Daily', 'Report', 'Dispatch', 'Review', 'Insider']);
      return { name: `${brand} ${suffix}`, aliases: random.chance(0.4) ? [`${brand}${suffix}.example`] : [] };
    }
    case 'broadcaster': {
      const name = random.pick([
        `${place} Public Radio`,
        `Channel ${random.int(2, 12)} ${place}`,
        `${brand} Television`,
      ]);
      return { name, aliases: random.chance(0.6) ? [initials(name)] : [] };
    }
    case 'wire': {
      const name = random.pick([`${brand} Press Agency`, `${brand} Wire Service`, `${place} News Agency`]);
      return { name, aliases: [initials(name)] };
    }
    case 'aggregator':
      return { name: `${brand} News Digest`, aliases: [] };
    case 'government': {
      const name = random.pick([
        `${place} Government Press Office`,
        `Ministry of ${random.pick(vocab.MINISTRIES)} of ${place}`,
      ]);
      return { name, aliases: random.chance(0.5) ? [initials(name)] : [] };
    }
  }
}

const ACTOR_KINDS: [ActorKind, number][] = [
  ['person', 60],
  ['office', 10],
  ['organization', 15],
  ['unnamed-source', 15],
];

function makeActors(random: Random, count: number): Cast {
  const all: Actor[] = [];
  const names = new Set<string>();
  const ids = new Set<string>();
  for (let attempt = 0; all.length < count; attempt += 1) {
    if (attempt > count * 100) throw new RangeError(`cannot make ${count} distinct actor names`);
    // Start with one of each kind so that even a small cast has them all.
    const kind = all.length < ACTOR_KINDS.length ? (ACTOR_KINDS[all.length] as [ActorKind, number])[0] : null;
    const actor = actorOf(random, kind ?? random.weighted(ACTOR_KINDS));
    if (names.has(actor.name)) continue;
    names.add(actor.name);
    all.push({ id: uniqueId(slug(actor.name), ids), ...actor });
  }
  const named = all.filter((a) => a.kind !== 'unnamed-source');
  return {
    all,
    named,
    institutions: all.filter((a) => a.kind === 'office' || a.kind === 'organization'),
  };
}

function actorOf(random: Random, kind: ActorKind): Omit<Actor, 'id'> {
  const place = random.pick(vocab.PLACES);
  switch (kind) {
    case 'person': {
      const role = random.pick(vocab.ROLES);
      return {
        name: `${random.pick(vocab.FIRST_NAMES)} ${random.pick(vocab.LAST_NAMES)}`,
        kind,
        description: `${capitalize(role)} of ${place}.`,
      };
    }
    case 'office': {
      const role = random.pick(vocab.ROLES);
      return {
        name: `Office of the ${titleCase(role)} of ${place}`,
        kind,
        description: `Press office that speaks for the ${role} of ${place}.`,
      };
    }
    case 'organization': {
      const name = random.chance(0.4)
        ? `Ministry of ${random.pick(vocab.MINISTRIES)} of ${place}`
        : random.pick(vocab.ORGANIZATION_PATTERNS)(place);
      return { name, kind, description: `Organization based in ${place}.` };
    }
    case 'unnamed-source': {
      const phrase = random.pick(vocab.UNNAMED_SOURCES);
      return {
        name: random.chance(0.5) ? phrase : `${phrase} in ${place}`,
        kind,
        description: `Unnamed source as the coverage describes it; identity not given.`,
      };
    }
  }
}

/** How a sentence names an actor. */
function subject(actor: Actor): string {
  return actor.kind === 'office' || actor.kind === 'organization' ? `the ${actor.name}` : actor.name;
}

/* ---------------------------------------------------------------- claims */

function claimClause(random: Random, topic: Topic, cast: Cast): string {
  const object = random.pick(topic.objects);
  const place = random.pick(vocab.PLACES);
  const when = timePhrase(random);
  const institution = cast.institutions.length > 0 ? subject(random.pick(cast.institutions)) : 'the council';
  const shape = random.weighted([
    ['act', 5],
    ['people', 2],
    ['meeting', 2],
    ['agreement', 3],
  ] as const);
  switch (shape) {
    case 'act':
      return `${institution} ${random.pick(vocab.CLAIM_VERBS)} ${object} in ${place} ${when}`;
    case 'people':
      return `at least ${random.int(12, 900)} ${random.pick(vocab.GROUPS)} were ${random.pick(vocab.PASSIVES)} ${place} ${when}`;
    case 'meeting': {
      const [first, second] = random.sample(cast.named.length >= 2 ? cast.named : cast.all, 2).map(subject);
      const how = random.pick(['by video', 'in person', 'in private']);
      return `${first ?? 'officials'} met ${second ?? 'local leaders'} ${how} to discuss ${object} ${when}`;
    }
    case 'agreement':
      return `${institution} agreed to ${random.pick(vocab.CLAIM_VERB_BASES)} ${object} ${when}`;
  }
}

function timePhrase(random: Random): string {
  const day = random.int(0, WINDOW_DAYS - 1);
  const date = new Date(WINDOW_START + day * 86_400_000);
  const month = vocab.MONTHS[date.getUTCMonth()] ?? 'March';
  return random.weighted([
    [`on ${date.getUTCDate()} ${month}`, 6],
    [`in early ${month}`, 1],
    [`in late ${month}`, 1],
    [`by the end of ${month}`, 1],
  ]);
}

const REVIEWED: VerdictStatus[] = ['verified', 'disputed', 'false', 'misleading', 'unverifiable'];

function verdictFor(random: Random): Verdict {
  if (!random.chance(0.1)) return { ...unreviewedVerdict };
  const day = random.int(WINDOW_DAYS, WINDOW_DAYS + 13);
  return {
    status: random.pick(REVIEWED),
    note: 'Reviewed against the generated coverage.',
    editor: random.pick(['desk-editor', 'night-editor', 'standards-editor']),
    at: `${isoDay(day)}T${String(random.int(6, 22)).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}:00Z`,
    version: 2,
  };
}

/* ---------------------------------------------------------------- mentions */

/**
 * Which claims each article mentions, and how: every claim once (while mentions last), then
 * claims by a Zipf-like popularity, so a few claims are everywhere and most appear a handful of
 * times. A claim is mentioned at most once per article, and the sentences of an article's
 * mentions never take more words than the article's target length.
 */
function assignMentions(
  random: Random,
  sizes: LargeStorySizes,
  targets: number[],
  plan: (claim: number, article: number) => PlannedMention,
): PlannedMention[][] {
  const budget = [...targets];
  const rank = random.shuffle(Array.from({ length: sizes.claims }, (_, i) => i));
  const popularity = new WeightedIndex(rank.map((r) => 1 / Math.pow(r + 1, 0.6)));
  const articlePick = new WeightedIndex(targets);
  const perArticle: PlannedMention[][] = targets.map(() => []);
  const used = new Set<number>();
  for (let i = 0; i < sizes.mentions; i += 1) {
    let placed = false;
    for (let attempt = 0; attempt < 100_000 && !placed; attempt += 1) {
      const claim = i < sizes.claims && attempt < 1000 ? i : popularity.draw(random);
      const article = articlePick.draw(random);
      const key = claim * sizes.articles + article;
      if (used.has(key) || (budget[article] as number) < 12) continue;
      const planned = plan(claim, article);
      const words = wordCount(planned.sentence);
      if (words > (budget[article] as number)) continue;
      budget[article] = (budget[article] as number) - words;
      used.add(key);
      perArticle[article]?.push(planned);
      placed = true;
    }
    if (!placed) throw new RangeError(`could not place mention ${i + 1}: too many mentions for the articles`);
  }
  return perArticle;
}

const STANCES: [Stance, number][] = [
  ['asserts', 35],
  ['reports', 35],
  ['denies', 18],
  ['contradicts', 12],
];

function planMention(
  random: Random,
  claim: number,
  clause: string,
  outlet: Outlet,
  outlets: Outlet[],
  cast: Cast,
): PlannedMention {
  const stance = random.weighted(STANCES);
  const length =
    stance === 'reports' || stance === 'denies'
      ? random.weighted([
          [2, 5],
          [3, 3],
          [4, 2],
        ])
      : random.weighted([
          [1, 6],
          [2, 3],
          [3, 1],
        ]);
  const source = length > 1 ? random.pick(cast.all) : null;
  const middle: (Actor | Outlet)[] = [];
  const relays = outlets.filter((o) => o.id !== outlet.id && (o.kind === 'wire' || o.kind === 'broadcaster'));
  for (let i = 2; i < length; i += 1) {
    const viaOutlet = relays.length > 0 && random.chance(0.4);
    middle.push(viaOutlet ? random.pick(relays) : random.pick(cast.all));
  }
  const attribution: AttributionNode[] = [
    ...(source ? [{ kind: 'actor' as const, id: source.id }] : []),
    ...middle.map((node) => ({ kind: isOutlet(node) ? ('outlet' as const) : ('actor' as const), id: node.id })),
    { kind: 'outlet', id: outlet.id },
  ];
  return { claim, stance, attribution, sentence: mentionSentence(random, stance, clause, source, middle, outlet) };
}

function isOutlet(node: Actor | Outlet): node is Outlet {
  return 'aliases' in node;
}

function mentionSentence(
  random: Random,
  stance: Stance,
  clause: string,
  source: Actor | null,
  middle: (Actor | Outlet)[],
  outlet: Outlet,
): string {
  const who = source ? subject(source) : null;
  const toActor = middle.find((node): node is Actor => !isOutlet(node));
  const relay = middle.find(isOutlet);
  let text: string;
  switch (stance) {
    case 'asserts':
      text = who
        ? `${capitalize(clause)}, according to ${who}`
        : random.pick([capitalize(clause), `It has emerged that ${clause}`, `Records show that ${clause}`]);
      break;
    case 'reports':
      text = !who
        ? `Reports say ${clause}`
        : toActor
          ? `${capitalize(who)} told ${subject(toActor)} that ${clause}`
          : random.pick([
              `${capitalize(who)} said ${clause}`,
              `According to ${who}, ${clause}`,
              `${capitalize(who)} told reporters that ${clause}`,
            ]);
      break;
    case 'denies':
      text = !who
        ? `Officials denied that ${clause}`
        : toActor
          ? `${capitalize(who)} assured ${subject(toActor)} it was untrue that ${clause}`
          : random.pick([
              `${capitalize(who)} denied that ${clause}`,
              `${capitalize(who)} rejected reports that ${clause}`,
              `${capitalize(who)} dismissed claims that ${clause}`,
            ]);
      break;
    case 'contradicts':
      text = who
        ? `${capitalize(who)} produced records that contradict the account that ${clause}`
        : random.pick([
            `Contrary to earlier reports, it is not the case that ${clause}`,
            `Records seen by ${outlet.name} do not support the account that ${clause}`,
          ]);
      break;
  }
  return `${text}${relay ? `, ${relay.name} reported` : ''}.`;
}

/* ---------------------------------------------------------------- articles */

function chooseArticleOutlets(random: Random, outlets: Outlet[], count: number): Outlet[] {
  const weightOf: Record<OutletKind, number> = {
    wire: 3,
    newspaper: 1.5,
    broadcaster: 1.2,
    online: 1,
    aggregator: 0.8,
    government: 0.5,
  };
  const index = new WeightedIndex(outlets.map((o) => weightOf[o.kind] * (0.5 + random.float())));
  // Every outlet publishes at least once when there are enough articles.
  return Array.from({ length: count }, (_, i) => outlets[i < outlets.length ? i : index.draw(random)] as Outlet);
}

type Located = { plan: PlannedMention; sentence: [number, number]; next: [number, number] | null };

function writeArticle(
  random: Random,
  id: string,
  outlet: Outlet,
  planned: PlannedMention[],
  targetWords: number,
): { article: Article; located: Located[] } {
  const place = random.pick(vocab.PLACES);
  type Piece = { text: string; plan: PlannedMention | null };
  let words = planned.reduce((sum, plan) => sum + wordCount(plan.sentence), 0);
  const pieces: Piece[] = [];
  while (words < targetWords) {
    const text = fillerSentence(random, place);
    words += wordCount(text);
    pieces.push({ text, plan: null });
  }
  const [lead, ...rest] = planned;
  for (const plan of rest) pieces.splice(random.int(0, pieces.length), 0, { text: plan.sentence, plan });
  if (lead) pieces.unshift({ text: lead.sentence, plan: lead });

  let body = '';
  const ranges: { plan: PlannedMention; start: number; end: number }[] = [];
  for (let i = 0; i < pieces.length;) {
    const size = i === 0 ? random.int(1, 2) : random.int(1, 4);
    if (body !== '') body += '\n\n';
    pieces.slice(i, i + size).forEach((piece, j) => {
      if (j > 0) body += ' ';
      if (piece.plan) ranges.push({ plan: piece.plan, start: body.length, end: body.length + piece.text.length });
      body += piece.text;
    });
    i += size;
  }

  const paragraphs = splitParagraphs(body);
  const sentences = splitSentences(body, paragraphs);
  const sentenceAt = new Map(sentences.map(([start, end], i) => [`${start}:${end}`, i]));
  const located = ranges.map(({ plan, start, end }): Located => {
    const index = sentenceAt.get(`${start}:${end}`);
    if (index === undefined) throw new Error(`${id}: generated sentence at [${start}, ${end}) is not a sentence`);
    return { plan, sentence: [start, end], next: sentences[index + 1] ?? null };
  });

  const day = random.int(0, WINDOW_DAYS - 1);
  const title = lead ? headline(lead) : capitalize(fillerSentence(random, place).slice(0, -1));
  return {
    article: {
      id,
      story: LARGE_STORY_ID,
      outlet: outlet.id,
      title,
      published: {
        date: isoDay(day),
        basis: random.pick(['Dateline of the article.', 'Date in the page metadata.', 'Date under the headline.']),
      },
      source: { file: null, url: `${outlet.url}${isoDay(day).slice(0, 7).replace('-', '/')}/${id}` },
      body,
      paragraphs,
      sentences,
    },
    located,
  };
}

function headline(plan: PlannedMention): string {
  const text = plan.sentence.slice(0, -1);
  return plan.stance === 'contradicts' ? `Doubts grow: ${text}` : text;
}

function fillerSentence(random: Random, place: string): string {
  const clause = () => {
    const adjective = random.chance(0.5) ? `${random.pick(vocab.ADJECTIVES)} ` : '';
    const adverb = random.chance(0.2) ? `${random.pick(vocab.ADVERBS)} ` : '';
    const object = `${random.pick(vocab.DETERMINERS)} ${random.chance(0.4) ? `${random.pick(vocab.ADJECTIVES)} ` : ''}${random.pick(vocab.NOUNS)}`;
    const tail = random.chance(0.45)
      ? ` ${random.pick(vocab.PREPOSITIONS)} the ${random.pick(vocab.NOUNS)}${random.chance(0.3) ? ` in ${place}` : ''}`
      : '';
    return fixArticles(
      `${random.pick(vocab.DETERMINERS)} ${adjective}${random.pick(vocab.NOUNS)} ${adverb}${random.pick(vocab.VERBS)} ${object}${tail}`,
    );
  };
  const opener = random.chance(0.25) ? `${random.pick(vocab.OPENERS)}, ` : '';
  const second = random.chance(0.35) ? `, ${random.pick(vocab.CONNECTIVES)} ${clause()}` : '';
  const sentence = `${opener}${clause()}${second}.`;
  return capitalize(sentence);
}

/* ---------------------------------------------------------------- events */

const EVENT_KINDS: [EventKind, number][] = [
  ['meeting', 40],
  ['announcement', 25],
  ['attack', 15],
  ['operation', 20],
];

function makeEvents(
  random: Random,
  count: number,
  cast: Cast,
  claimTopics: readonly Topic[],
  mentionsByClaim: string[][],
  articleOfMention: ReadonlyMap<string, Article>,
): StoryEvent[] {
  const claimsByTopic = new Map<string, number[]>();
  claimTopics.forEach((topic, claim) => {
    if ((mentionsByClaim[claim]?.length ?? 0) === 0) return;
    claimsByTopic.set(topic.name, [...(claimsByTopic.get(topic.name) ?? []), claim]);
  });
  const named = cast.named.length > 0 ? cast.named : cast.all;
  const institutions = cast.institutions.length > 0 ? cast.institutions : cast.all;
  return Array.from({ length: count }, (_, i): StoryEvent => {
    const kind = random.weighted(EVENT_KINDS);
    const topic = random.pick(vocab.TOPICS);
    const object = random.pick(topic.objects);
    const place = random.pick(vocab.PLACES);
    let participants: Actor[];
    let title: string;
    let format: EventFormat;
    switch (kind) {
      case 'meeting':
        participants = random.sample(named, random.int(2, 4));
        title = `${participants.map((a) => capitalize(subject(a))).join(' and ')} meet on ${object}`;
        format = random.weighted([
          ['virtual', 45],
          ['in-person', 45],
          ['unknown', 10],
        ]);
        break;
      case 'announcement':
        participants = random.sample(institutions, 1);
        title = `${capitalize(subject(participants[0] as Actor))} announces a decision on ${object}`;
        format = random.pick(['virtual', 'in-person', 'unknown', 'not-applicable'] as const);
        break;
      case 'attack':
        participants = random.chance(0.3) ? random.sample(institutions, 1) : [];
        title = `Attack on ${random.pick(vocab.ATTACK_TARGETS)} near ${place}`;
        format = 'not-applicable';
        break;
      case 'operation':
        participants = random.sample(institutions, random.int(1, 2));
        title = `Operation around ${object} in ${place}`;
        format = 'not-applicable';
        break;
    }
    const related = random.sample(claimsByTopic.get(topic.name) ?? [], random.int(1, 3));
    const reports = related.flatMap((claim) => mentionsByClaim[claim] ?? []);
    const mentions = random.sample(reports, random.int(1, 20)).sort();
    const reportedIn = mentions[0] === undefined ? undefined : articleOfMention.get(mentions[0]);
    const date = reportedIn && random.chance(0.35) ? derivedDate(random, reportedIn) : recordedDate(random);
    const status: EventStatus =
      date.start >= isoDay(WINDOW_DAYS - 10)
        ? random.weighted([
            ['planned', 6],
            ['postponed', 2],
            ['cancelled', 1],
            ['held', 1],
          ])
        : random.weighted([
            ['held', 16],
            ['postponed', 2],
            ['cancelled', 2],
          ]);
    return {
      id: `event-${pad(i + 1, count)}`,
      story: LARGE_STORY_ID,
      title,
      kind,
      format,
      status,
      date,
      participants: participants.map((a) => a.id),
      mentions,
    };
  });
}

function recordedDate(random: Random): EventDate {
  const start = random.int(0, WINDOW_DAYS - 2);
  if (random.chance(0.25)) {
    const end = Math.min(WINDOW_DAYS - 1, start + random.int(1, 10));
    return {
      precision: 'range',
      start: isoDay(start),
      end: isoDay(end),
      basis: `The coverage says "in recent weeks" without a day; bounded by the articles between ${isoDay(start)} and ${isoDay(end)}.`,
      derivedFrom: null,
    };
  }
  return {
    precision: 'day',
    start: isoDay(start),
    end: isoDay(start),
    basis: `Date given in the coverage (${isoDay(start)}).`,
    derivedFrom: null,
  };
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/** A date resolved from a relative phrase against the publication date of an article that reports the event. */
function derivedDate(random: Random, article: Article): EventDate {
  const published = Date.parse(`${article.published.date}T00:00:00Z`);
  const day = (offset: number) => new Date(published - offset * 86_400_000).toISOString().slice(0, 10);
  const basis = (phrase: string) =>
    `"${phrase}" in ${article.id}, resolved against its publication date (${article.published.date}).`;
  const shape = random.pick(['yesterday', 'weekday', 'weekend'] as const);
  if (shape === 'weekend') {
    const sinceSunday = new Date(published).getUTCDay() || 7;
    const phrase = 'last weekend';
    return {
      precision: 'range',
      start: day(sinceSunday + 1),
      end: day(sinceSunday),
      basis: basis(phrase),
      derivedFrom: { article: article.id, phrase },
    };
  }
  const offset = shape === 'yesterday' ? 1 : random.int(2, 6);
  const phrase =
    shape === 'yesterday' ? 'yesterday' : `on ${WEEKDAYS[new Date(published - offset * 86_400_000).getUTCDay()]}`;
  return {
    precision: 'day',
    start: day(offset),
    end: day(offset),
    basis: basis(phrase),
    derivedFrom: { article: article.id, phrase },
  };
}

/* ---------------------------------------------------------------- text helpers */

function isoDay(day: number): string {
  return new Date(WINDOW_START + day * 86_400_000).toISOString().slice(0, 10);
}

function pad(n: number, max: number): string {
  return String(n).padStart(Math.max(3, String(max).length), '0');
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function titleCase(text: string): string {
  return text.split(' ').map(capitalize).join(' ');
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter((word) => /^[A-Z0-9]/.test(word) && word !== 'The' && word !== 'of')
    .map((word) => word.charAt(0))
    .join('');
}

function fixArticles(text: string): string {
  return text.replace(/\ba ([aeiou])/g, 'an $1');
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 56)
    .replace(/-+$/, '');
}

function uniqueId(base: string, taken: Set<string>): string {
  let id = base || 'x';
  for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
  taken.add(id);
  return id;
}
