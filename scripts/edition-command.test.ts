import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApi } from '../server/api/api-test-kit';
import { bundledCorpus } from '../server/corpus/corpus-test-kit';
import { runEditionCommand } from './edition-command';

const corpus = bundledCorpus();
const storyId = corpus.stories[0]!.story.id;
const desk = { name: 'Desk', url: null, publishedUrl: null };
const TEMPLATE = '<!doctype html><html><head><title>Parallax</title></head><body><div id="root"></div></body></html>';

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function run(argv: string[], settings = { desk }) {
  const { store } = await createTestApi({ corpus });
  const lines: string[] = [];
  const built: string[] = [];
  const code = await runEditionCommand(store, argv, settings, {
    buildApp: async (outDir) => {
      built.push(outDir);
      await writeFile(join(outDir, 'index.html'), TEMPLATE);
    },
    out: (line) => lines.push(line),
  });
  await store.close();
  return { code, output: lines.join('\n'), built };
}

describe('npm run build:edition', { timeout: 30_000 }, () => {
  it('builds the app into the folder and completes it as the edition of the story', async () => {
    dir = await mkdtemp(join(tmpdir(), 'parallax-edition-command-'));
    const { code, output, built } = await run(['--story', storyId, '--out', dir, '--url', 'https://edition.example/']);
    expect(code).toBe(0);
    expect(built).toEqual([dir]);
    expect(output).toContain(`Wrote the edition of "${storyId}" to ${dir}`);
    expect(output).toContain('0 published verdict page(s)');
    expect(JSON.parse(await readFile(join(dir, 'edition.json'), 'utf8'))).toMatchObject({ story: storyId });
    // An earlier edition is replaced; a folder of other files is left alone.
    expect((await run(['--story', storyId, '--out', dir])).code).toBe(0);
    const other = await mkdtemp(join(tmpdir(), 'parallax-not-an-edition-'));
    await writeFile(join(other, 'notes.txt'), 'mine');
    const refused = await run(['--story', storyId, '--out', other]);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('holds other files');
    expect(refused.built).toEqual([]);
    expect(await readFile(join(other, 'notes.txt'), 'utf8')).toBe('mine');
    await rm(other, { recursive: true, force: true });
  });

  it('says what is wrong with its arguments, and builds nothing', async () => {
    for (const [argv, message] of [
      [['--out', 'x'], '--story and --out are needed'],
      [['--story', 'Not A Slug', '--out', 'x'], '--story must be a story id'],
      [
        ['--story', storyId, '--out', 'x', '--url', 'ftp://edition.example/'],
        '--url must be the root of an http(s) host',
      ],
      [['--story', storyId, '--out', 'x', '--url', 'https://edition.example/sub/'], '--url must be the root'],
      [['--story', 'no-such-story', '--out', 'x'], 'There is no story "no-such-story"'],
      [['--story', storyId, '--out', 'x', '--colour'], "Unknown option '--colour'"],
    ] as const) {
      const { code, output, built } = await run([...argv]);
      expect(code, argv.join(' ')).toBeGreaterThan(0);
      expect(output, argv.join(' ')).toContain(message);
      expect(built).toEqual([]);
    }
  });
});
