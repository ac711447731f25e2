import { parseArgs } from 'node:util';
import { idSchema } from '@/domain/schemas';
import { exportStory, importStory } from '../server/corpus/story-transfer';
import type { Store } from '../server/store/store';

export const STORY_USAGE = `Move a story between Parallax databases as one JSON document (the corpus format):

  npm run story -- export ID FILE       writes the story ID to FILE
  npm run story -- import FILE [--id NEW-ID]
                                        adds the story in FILE (under NEW-ID when given)

An import is checked as the bundled corpus is, and refused whole (with the file and field
named) when anything does not hold, or when the story's id is taken.`;

export type StoryIo = {
  readFile(path: string): Promise<string>;
  writeFile(path: string, text: string): Promise<void>;
  out(line: string): void;
  now(): Date;
};

/** Runs `npm run story`; resolves to the exit code. */
export async function runStoryCommand(store: Store, argv: string[], io: StoryIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { id: { type: 'string' } } });
  } catch (error) {
    io.out(`${(error as Error).message}\n\n${STORY_USAGE}`);
    return 2;
  }
  const [command, ...rest] = parsed.positionals;
  if (command === 'export' && rest.length === 2) {
    const [id = '', file = ''] = rest;
    const document = await exportStory(store, id);
    if (!document) {
      io.out(`There is no story "${id}". Stories: ${(await store.listStories()).map((s) => s.id).join(', ')}`);
      return 1;
    }
    await io.writeFile(file, `${JSON.stringify(document, null, 2)}\n`);
    const articles = Object.keys(document.files).filter((name) => name.startsWith('articles/')).length;
    io.out(`Wrote "${id}" (${articles} articles) to ${file}.`);
    return 0;
  }
  if (command === 'import' && rest.length === 1) {
    const [file = ''] = rest;
    const asId = parsed.values.id;
    if (asId !== undefined && !idSchema.safeParse(asId).success) {
      io.out(`--id must be a lowercase slug of a-z, 0-9, "-" or "_", not "${asId}".`);
      return 2;
    }
    let document: unknown;
    try {
      document = JSON.parse(await io.readFile(file));
    } catch (error) {
      io.out(`Cannot read ${file} as JSON: ${(error as Error).message}`);
      return 1;
    }
    const result = await importStory(store, document, {
      ...(asId ? { asId } : {}),
      by: { editor: 'command line', at: io.now().toISOString() },
    });
    if (result.kind !== 'imported') {
      io.out(`Not imported: ${result.message} (${result.field}). Nothing was stored.`);
      return 1;
    }
    const summary = (await store.listStories()).find((s) => s.id === result.record.id);
    const counts = summary
      ? ` (${summary.counts.articles} articles, ${summary.counts.claims} claims, ${summary.counts.mentions} mentions, ${summary.counts.events} events)`
      : '';
    io.out(`Imported "${result.record.id}"${counts}.`);
    return 0;
  }
  io.out(STORY_USAGE);
  return 2;
}
