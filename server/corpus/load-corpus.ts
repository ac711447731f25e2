import type * as z from 'zod/mini';
import {
  unreviewedVerdict,
  type Actor,
  type Article,
  type Claim,
  type Mention,
  type Outlet,
  type Passage,
  type Story,
  type StoryEvent,
} from '@/domain/schemas';
import { findSharedPassages } from '@/domain/shared-passages';
import { checkSpan } from '@/domain/span-anchoring';
import { splitParagraphs, splitSentences } from '@/domain/text-segmentation';
import { CorpusError } from './corpus-error';
import { resolveDerivedEventDate } from './derived-event-dates';
import {
  corpusActorsSchema,
  corpusArticlesSchema,
  corpusClaimsSchema,
  corpusEventsSchema,
  corpusMentionsSchema,
  corpusOutletsSchema,
  corpusStorySchema,
} from './corpus-schemas';

export type CorpusStory = {
  story: Story;
  articles: Article[];
  claims: Claim[];
  mentions: Mention[];
  events: StoryEvent[];
  passages: Passage[];
};

export type Corpus = {
  outlets: Outlet[];
  actors: Actor[];
  stories: CorpusStory[];
};

/** Where corpus files come from: the file system on the server, bundled text in a browser. */
export type CorpusSource = {
  /** The text of a file relative to the corpus root, or undefined when there is none. */
  read(path: string): string | undefined;
  /** The folder names under `stories/`. */
  storyDirs(): string[];
};

export function loadCorpus(source: CorpusSource): Corpus {
  const outlets = readJson(source, 'outlets.json', corpusOutletsSchema);
  const actors = readJson(source, 'actors.json', corpusActorsSchema);
  assertUnique('outlets.json', outlets, 'outlet');
  assertUnique('actors.json', actors, 'actor');
  const known = {
    outlets: new Set(outlets.map((o) => o.id)),
    actors: new Set(actors.map((a) => a.id)),
  };
  const stories = source
    .storyDirs()
    .sort()
    .map((dir) => loadStory(source, `stories/${dir}`, dir, known));
  return { outlets, actors, stories };
}

function loadStory(
  source: CorpusSource,
  root: string,
  dir: string,
  known: { outlets: Set<string>; actors: Set<string> },
): CorpusStory {
  const story = readJson(source, `${root}/story.json`, corpusStorySchema);
  if (story.id !== dir) {
    throw new CorpusError(`${root}/story.json`, 'id', `must equal its folder name "${dir}"`);
  }

  const articlesFile = `${root}/articles.json`;
  const articles: Article[] = readJson(source, articlesFile, corpusArticlesSchema).map((meta, i) => {
    if (!known.outlets.has(meta.outlet)) {
      throw new CorpusError(articlesFile, `[${i}].outlet`, `unknown outlet "${meta.outlet}"`);
    }
    const body = source.read(`${root}/articles/${meta.source.file}`);
    if (body === undefined || body.trim() === '') {
      throw new CorpusError(articlesFile, `[${i}].source.file`, `no text at articles/${meta.source.file}`);
    }
    const paragraphs = splitParagraphs(body);
    return { ...meta, story: story.id, body, paragraphs, sentences: splitSentences(body, paragraphs) };
  });
  assertUnique(articlesFile, articles, 'article');
  const articlesById = new Map(articles.map((a) => [a.id, a]));

  const claimsFile = `${root}/claims.json`;
  const claims: Claim[] = readJson(source, claimsFile, corpusClaimsSchema).map((claim) => ({
    ...claim,
    story: story.id,
    verdict: unreviewedVerdict,
  }));
  assertUnique(claimsFile, claims, 'claim');
  const claimIds = new Set(claims.map((c) => c.id));

  const mentionsFile = `${root}/mentions.json`;
  const mentions: Mention[] = readJson(source, mentionsFile, corpusMentionsSchema).map((m, i) => {
    if (!claimIds.has(m.claim)) throw new CorpusError(mentionsFile, `[${i}].claim`, `unknown claim "${m.claim}"`);
    const article = articlesById.get(m.article);
    if (!article) throw new CorpusError(mentionsFile, `[${i}].article`, `unknown article "${m.article}"`);
    m.attribution.forEach((node, j) => {
      const ids = node.kind === 'actor' ? known.actors : known.outlets;
      if (!ids.has(node.id)) {
        throw new CorpusError(mentionsFile, `[${i}].attribution[${j}].id`, `unknown ${node.kind} "${node.id}"`);
      }
    });
    m.spans.forEach((span, j) => {
      const check = checkSpan(article.body, span);
      if (!check.ok) throw new CorpusError(mentionsFile, `[${i}].spans[${j}]`, `does not resolve: ${check.reason}`);
    });
    return { ...m, spans: m.spans.map((span) => ({ ...span, article: m.article })) };
  });
  assertUnique(mentionsFile, mentions, 'mention');
  const mentionIds = new Set(mentions.map((m) => m.id));

  const eventsFile = `${root}/events.json`;
  const events: StoryEvent[] = readJson(source, eventsFile, corpusEventsSchema).map((event, i) => {
    event.mentions.forEach((id, j) => {
      if (!mentionIds.has(id)) throw new CorpusError(eventsFile, `[${i}].mentions[${j}]`, `unknown mention "${id}"`);
    });
    event.participants.forEach((id, j) => {
      if (!known.actors.has(id)) {
        throw new CorpusError(eventsFile, `[${i}].participants[${j}]`, `unknown actor "${id}"`);
      }
    });
    return {
      ...event,
      story: story.id,
      date: resolveDerivedEventDate(eventsFile, `[${i}].date`, event.date, articlesById),
    };
  });
  assertUnique(eventsFile, events, 'event');

  return { story, articles, claims, mentions, events, passages: findSharedPassages(story.id, articles) };
}

function readJson<T>(source: CorpusSource, file: string, schema: z.ZodMiniType<T>): T {
  const text = source.read(file);
  if (text === undefined) throw new CorpusError(file, '', 'file is missing');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new CorpusError(file, '', `is not valid JSON (${(error as Error).message})`);
  }
  const result = schema.safeParse(data);
  if (!result.success) throw CorpusError.fromZod(file, result.error);
  return result.data;
}

function assertUnique(file: string, items: { id: string }[], what: string): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id)) throw new CorpusError(file, `[${i}].id`, `duplicate ${what} id "${item.id}"`);
    seen.add(item.id);
  });
}
