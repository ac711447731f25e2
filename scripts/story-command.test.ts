import { beforeEach, describe, expect, it } from 'vitest';
import { readCorpusDir } from '../server/corpus/read-corpus-dir';
import { openSqliteStore } from '../server/store/sql/sql-store';
import type { Store } from '../server/store/store';
import { runStoryCommand } from './story-command';

let files: Map<string, string>;
let lines: string[];
const io = {
  readFile: (path: string) => {
    const text = files.get(path);
    return text === undefined ? Promise.reject(new Error(`ENOENT: ${path}`)) : Promise.resolve(text);
  },
  writeFile: (path: string, text: string) => {
    files.set(path, text);
    return Promise.resolve();
  },
  out: (line: string) => lines.push(line),
  now: () => new Date('2024-05-06T12:00:00.000Z'),
};

let source: Store;
beforeEach(async () => {
  source = await openSqliteStore(':memory:');
  await source.seed(readCorpusDir());
  files = new Map();
  lines = [];
});

describe('npm run story', () => {
  it('exports a story to a file and imports it into another database', async () => {
    expect(await runStoryCommand(source, ['export', 'rafah-scg-2024', 'rafah.json'], io)).toBe(0);
    expect(lines).toEqual(['Wrote "rafah-scg-2024" (5 articles) to rafah.json.']);
    const target = await openSqliteStore(':memory:');
    try {
      expect(await runStoryCommand(target, ['import', 'rafah.json'], io)).toBe(0);
      expect(lines[1]).toMatch(/^Imported "rafah-scg-2024" \(5 articles, \d+ claims, \d+ mentions, \d+ events\)\.$/);
      expect(await runStoryCommand(target, ['import', 'rafah.json'], io)).toBe(1);
      expect(lines[2]).toMatch(/^Not imported: a story "rafah-scg-2024" exists already/);
    } finally {
      await target.close();
    }
  });

  it('says what is wrong: no such story, no file, bad JSON, a bad id, a bad command', async () => {
    files.set('bad.json', '{');
    expect(await runStoryCommand(source, ['export', 'nope', 'x.json'], io)).toBe(1);
    expect(await runStoryCommand(source, ['import', 'missing.json'], io)).toBe(1);
    expect(await runStoryCommand(source, ['import', 'bad.json'], io)).toBe(1);
    expect(await runStoryCommand(source, ['import', 'bad.json', '--id', 'Bad Id'], io)).toBe(2);
    expect(await runStoryCommand(source, ['publish'], io)).toBe(2);
    expect(lines[0]).toBe('There is no story "nope". Stories: rafah-scg-2024');
    expect(lines[1]).toMatch(/^Cannot read missing.json as JSON/);
    expect(lines[2]).toMatch(/^Cannot read bad.json as JSON/);
    expect(lines[3]).toMatch(/^--id must be a lowercase slug/);
    expect(lines[4]).toMatch(/^Move a story between Parallax databases/);
    expect(files.size).toBe(1);
  });
});
