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
import { singleNode, stepSources } from '@/domain/schemas';
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
  corpusNotesSchema,
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
  const storyFile = readJson(source, `${root}/story.json`, corpusStorySchema);
  if (storyFile.id !== dir) {
    throw new CorpusError(`${root}/story.json`, 'id', `must equal its folder name "${dir}"`);
  }
  // The research notes are optional: a story whose facts all come from its articles has none.
  const notesFile = `${root}/notes.json`;
  const notes = source.read(notesFile) === undefined ? [] : readJson(source, notesFile, corpusNotesSchema);
  assertUnique(notesFile, notes, 'note');
  const noteIds = new Set(notes.map((n) => n.id));
  const story: Story = notes.length > 0 ? { ...storyFile, notes } : storyFile;
  const checkNotes = (file: string, path: string, ids: readonly string[] | undefined) =>
    ids?.forEach((id, j) => {
      if (!noteIds.has(id)) throw new CorpusError(file, `${path}[${j}]`, `unknown note "${id}" (not in notes.json)`);
    });

  const articlesFile = `${root}/articles.json`;
  const articles: Article[] = readJson(source, articlesFile, corpusArticlesSchema).map((meta, i) => {
    if (!known.outlets.has(meta.outlet)) {
      throw new CorpusError(articlesFile, `[${i}].outlet`, `unknown outlet "${meta.outlet}"`);
    }
    const body = source.read(`${root}/articles/${meta.source.file}`);
    if (body === undefined || body.trim() === '') {
      throw new CorpusError(articlesFile, `[${i}].source.file`, `no text at articles/${meta.source.file}`);
    }
    meta.furniture?.forEach((piece, j) => {
      if (piece.start >= piece.end || piece.end > body.length) {
        throw new CorpusError(articlesFile, `[${i}].furniture[${j}]`, `is not a range inside the text`);
      }
    });
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
    m.attribution.forEach((step, j) => {
      const inGroup = 'sources' in step;
      stepSources(step).forEach((node, k) => {
        const ids = node.kind === 'actor' ? known.actors : known.outlets;
        if (!ids.has(node.id)) {
          const at = inGroup ? `[${i}].attribution[${j}].sources[${k}].id` : `[${i}].attribution[${j}].id`;
          throw new CorpusError(mentionsFile, at, `unknown ${node.kind} "${node.id}"`);
        }
      });
    });
    const publisher = singleNode(m.attribution.at(-1));
    if (publisher?.kind !== 'outlet' || publisher.id !== article.outlet) {
      throw new CorpusError(
        mentionsFile,
        `[${i}].attribution[${m.attribution.length - 1}]`,
        `must be the publishing outlet "${article.outlet}"`,
      );
    }
    checkNotes(mentionsFile, `[${i}].basis.notes`, m.basis?.notes);
    m.spans.forEach((span, j) => {
      const check = checkSpan(article.body, span);
      if (!check.ok) throw new CorpusError(mentionsFile, `[${i}].spans[${j}]`, `does not resolve: ${check.reason}`);
      const piece = article.furniture?.find((f) => span.start < f.end && f.start < span.end);
      if (piece) {
        throw new CorpusError(
          mentionsFile,
          `[${i}].spans[${j}]`,
          `overlaps page furniture (${piece.kind} at ${piece.start}-${piece.end}), which is never evidence`,
        );
      }
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
    if (event.date.record !== undefined) checkNotes(eventsFile, `[${i}].date.record`, [event.date.record]);
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
  const eventIds = new Set(events.map((e) => e.id));
  events.forEach((event, i) =>
    event.related?.forEach((link, j) => {
      if (!eventIds.has(link.event) || link.event === event.id) {
        throw new CorpusError(eventsFile, `[${i}].related[${j}].event`, `unknown or same event "${link.event}"`);
      }
    }),
  );

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

/** A story folder that does not load, named by its folder, file and field. */
export type StoryLoadProblem = { story: string; file: string; field: string; message: string };

/**
 * The corpus with every story that loads: a story folder with an error is left out and
 * reported (its file and field named), and every other story loads as usual. The outlets and
 * actors every story shares must load, or nothing can.
 */
export function loadCorpusReporting(source: CorpusSource): { corpus: Corpus; problems: StoryLoadProblem[] } {
  const dirs = source.storyDirs();
  const problems: StoryLoadProblem[] = [];
  const stories: CorpusStory[] = [];
  const shared = loadCorpus({ read: (path) => source.read(path), storyDirs: () => [] });
  const known = { outlets: new Set(shared.outlets.map((o) => o.id)), actors: new Set(shared.actors.map((a) => a.id)) };
  for (const dir of [...dirs].sort()) {
    try {
      stories.push(loadStory(source, `stories/${dir}`, dir, known));
    } catch (error) {
      if (!(error instanceof CorpusError)) throw error;
      problems.push({ story: dir, file: error.file, field: error.field, message: error.message });
    }
  }
  return { corpus: { ...shared, stories }, problems };
}
