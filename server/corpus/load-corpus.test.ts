import { describe, expect, it } from 'vitest';
import { bundledWithEdit, loadError } from './corpus-test-kit';
import { BUNDLED_CORPUS_DIR, directorySource } from './read-corpus-dir';

const STORY = 'stories/rafah-scg-2024';

const withEdit = bundledWithEdit;

type Rows = Record<string, unknown>[];

describe('loadCorpus', () => {
  it('names the file and the field of a value that breaks the schema', () => {
    const error = loadError(
      withEdit(`${STORY}/mentions.json`, (rows) => {
        (rows as Rows)[3]!.stance = 'hints';
        return rows;
      }),
    );
    expect(error.file).toBe(`${STORY}/mentions.json`);
    expect(error.field).toBe('[3].stance');
    expect(error.message).toMatch(/^stories\/rafah-scg-2024\/mentions\.json: \[3\]\.stance: /);
  });

  it('refuses a span whose text is not at its offsets', () => {
    const error = loadError(
      withEdit(`${STORY}/mentions.json`, (rows) => {
        const span = ((rows as Rows)[0]!.spans as Rows)[0]!;
        span.start = (span.start as number) + 1;
        span.end = (span.end as number) + 1;
        return rows;
      }),
    );
    expect(error.field).toBe('[0].spans[0]');
    expect(error.message).toMatch(/does not resolve/);
  });

  it('refuses references to unknown claims, outlets, actors and mentions', () => {
    const cases: [string, (rows: Rows) => void, string][] = [
      [`${STORY}/mentions.json`, (rows) => (rows[1]!.claim = 'no-such-claim'), '[1].claim'],
      [`${STORY}/mentions.json`, (rows) => ((rows[2]!.attribution as Rows)[0]!.id = 'nobody'), '[2].attribution[0].id'],
      [`${STORY}/articles.json`, (rows) => (rows[0]!.outlet = 'no-outlet'), '[0].outlet'],
      [`${STORY}/events.json`, (rows) => ((rows[0]!.mentions as string[])[0] = 'no-mention'), '[0].mentions[0]'],
    ];
    for (const [file, edit, field] of cases) {
      const error = loadError(
        withEdit(file, (rows) => {
          edit(rows as Rows);
          return rows;
        }),
      );
      expect([error.file, error.field]).toEqual([file, field]);
    }
  });

  it('refuses duplicate ids, an event day that is a range, and a missing article text', () => {
    expect(
      loadError(withEdit(`${STORY}/claims.json`, (rows) => [...(rows as Rows), (rows as Rows)[0]])).message,
    ).toMatch(/duplicate claim id/);
    expect(
      loadError(
        withEdit(`${STORY}/events.json`, (rows) => {
          (rows as Rows)[0]!.date = {
            precision: 'day',
            start: '2024-04-01',
            end: '2024-04-03',
            basis: 'x',
            derivedFrom: null,
          };
          return rows;
        }),
      ).field,
    ).toBe('[0].date.end');
    expect(
      loadError(
        withEdit(`${STORY}/articles.json`, (rows) => {
          ((rows as Rows)[0]!.source as Record<string, unknown>).file = 'missing.txt';
          return rows;
        }),
      ).message,
    ).toMatch(/no text at articles\/missing\.txt/);
  });

  it('reports a file that is not JSON', () => {
    const real = directorySource(BUNDLED_CORPUS_DIR);
    const error = loadError({ ...real, read: (path) => (path === 'outlets.json' ? '[{' : real.read(path)) });
    expect(error.message).toMatch(/^outlets\.json: is not valid JSON/);
  });
});
