import * as z from 'zod/mini';
import type { Actor, Article, Outlet, StoryBundle } from '@/domain/schemas';
import { CorpusError } from './corpus-error';
import { loadCorpus, type CorpusSource, type CorpusStory } from './load-corpus';

export const STORY_DOCUMENT_FORMAT = 'parallax-story';

/**
 * One story as one JSON document, in the corpus format: `files` holds what the folder
 * `corpus/stories/<id>/` holds (the JSON files as JSON, the article texts as text, keyed by
 * their paths in the folder), and `outlets` and `actors` the entries of the corpus-wide files
 * that the story uses.
 */
export const storyDocumentSchema = z.object({
  format: z.literal(STORY_DOCUMENT_FORMAT),
  version: z.literal(1),
  outlets: z.array(z.unknown()),
  actors: z.array(z.unknown()),
  files: z.record(z.string(), z.unknown()),
});
export type StoryDocument = z.infer<typeof storyDocumentSchema>;

/** The file name an article's text has in an exported folder. */
const textFileOf = (articleId: string) => `${articleId}.txt`;

/** A stored story (its bundle and its articles' texts) as a document. */
export function storyDocumentOf(bundle: StoryBundle, articles: Article[]): StoryDocument {
  const bodies = new Map(articles.map((a) => [a.id, a.body]));
  const { story } = bundle;
  const files: Record<string, unknown> = {
    'story.json': { id: story.id, title: story.title, summary: story.summary },
    'articles.json': bundle.articles.map(({ story: _story, source, ...meta }) => ({
      ...meta,
      source: { file: textFileOf(meta.id), url: source.url },
    })),
    'claims.json': bundle.claims.map((c) => ({
      id: c.id,
      text: c.text,
      topic: c.topic,
      ...(c.basis !== undefined ? { basis: c.basis } : {}),
    })),
    'mentions.json': bundle.mentions.map((m) => ({
      ...m,
      spans: m.spans.map(({ article: _article, ...anchor }) => anchor),
    })),
    'events.json': bundle.events.map(({ story: _story, ...event }) => event),
  };
  if (story.notes && story.notes.length > 0) files['notes.json'] = story.notes;
  for (const meta of bundle.articles) files[`articles/${textFileOf(meta.id)}`] = bodies.get(meta.id) ?? '';
  return { format: STORY_DOCUMENT_FORMAT, version: 1, outlets: bundle.outlets, actors: bundle.actors, files };
}

export type ReadDocumentResult =
  { ok: true; story: CorpusStory; outlets: Outlet[]; actors: Actor[] } | { ok: false; field: string; message: string };

/**
 * A document read back through the corpus loader itself, so an imported story passes exactly
 * the checks of a bundled one. `known` are the outlets and actors the database already has:
 * the story may name them; the document's own entries with those ids are left as stored.
 * `asId` imports the story under another id.
 */
export function readStoryDocument(
  input: unknown,
  known: { outlets: Outlet[]; actors: Actor[] },
  asId?: string,
): ReadDocumentResult {
  const parsed = storyDocumentSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.map(String).join('.') ?? '';
    return { ok: false, field, message: `${field || 'the document'}: ${issue?.message ?? 'is invalid'}` };
  }
  const document = parsed.data;
  const storyFile = document.files['story.json'];
  const storyId =
    asId ??
    (typeof storyFile === 'object' && storyFile !== null && 'id' in storyFile && typeof storyFile.id === 'string'
      ? storyFile.id
      : '');
  if (storyId === '') return { ok: false, field: 'files.story.json.id', message: 'story.json: id: is missing' };
  const merged = <T extends { id: string }>(stored: T[], brought: unknown[]) => {
    const ids = new Set(stored.map((item) => item.id));
    return [
      ...stored,
      ...brought.filter(
        (item) =>
          !(
            typeof item === 'object' &&
            item !== null &&
            'id' in item &&
            typeof item.id === 'string' &&
            ids.has(item.id)
          ),
      ),
    ];
  };
  const root = `stories/${storyId}/`;
  const source: CorpusSource = {
    storyDirs: () => [storyId],
    read(path) {
      if (path === 'outlets.json') return JSON.stringify(merged(known.outlets, document.outlets));
      if (path === 'actors.json') return JSON.stringify(merged(known.actors, document.actors));
      if (!path.startsWith(root)) return undefined;
      const name = path.slice(root.length);
      if (!Object.hasOwn(document.files, name)) return undefined;
      let content = document.files[name];
      if (name === 'story.json' && asId && typeof content === 'object' && content !== null) {
        content = { ...content, id: asId };
      }
      return typeof content === 'string' ? content : JSON.stringify(content);
    },
  };
  try {
    const corpus = loadCorpus(source);
    const story = corpus.stories[0];
    if (!story) return { ok: false, field: 'files', message: 'the document holds no story' };
    const storedOutlets = new Set(known.outlets.map((o) => o.id));
    const storedActors = new Set(known.actors.map((a) => a.id));
    return {
      ok: true,
      story,
      outlets: corpus.outlets.filter((o) => !storedOutlets.has(o.id)),
      actors: corpus.actors.filter((a) => !storedActors.has(a.id)),
    };
  } catch (error) {
    if (!(error instanceof CorpusError)) throw error;
    const file = error.file.startsWith(root) ? error.file.slice(root.length) : error.file;
    const at = error.file.startsWith(root) ? `files.${file}` : file.replace(/\.json$/, '');
    return {
      ok: false,
      field: `${at}${error.field ? (error.field.startsWith('[') ? '' : '.') + error.field : ''}`,
      message: `${file}: ${error.message.slice(error.file.length + 2)}`,
    };
  }
}
