import { describe, expect, it } from 'vitest';
import { bundledStory } from './bundled-story.fixture';
import { csvField, eventsCsv, neutralizeFormula, toCsv } from './events-csv';
import { buildTimelineData } from './timeline-data';

/** A small RFC 4180 reader, to check that what is written reads back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else field += c;
  }
  return rows;
}

describe('CSV', () => {
  it('quotes fields with quotes, commas and line breaks, and ends records with CRLF', () => {
    expect(
      toCsv([
        ['a', 'b,c'],
        ['say "hi"', 'two\nlines'],
      ]),
    ).toBe('a,"b,c"\r\n"say ""hi""","two\nlines"\r\n');
  });

  it('neutralizes cells a spreadsheet would run as formulas', () => {
    for (const value of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'])
      expect(neutralizeFormula(value)).toBe(`'${value}`);
    expect(neutralizeFormula('2024-04-18')).toBe('2024-04-18');
    expect(csvField('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
  });

  it('writes every event of the bundled story with its date, derivation and sources, and reads back', () => {
    const { bundle, index } = bundledStory();
    const timeline = buildTimelineData(bundle, index);
    const rows = parseCsv(eventsCsv(timeline.events));
    expect(rows[0]?.slice(0, 8)).toEqual([
      'id',
      'title',
      'kind',
      'format',
      'status',
      'date_precision',
      'date_start',
      'date_end',
    ]);
    expect(rows).toHaveLength(timeline.events.length + 1);
    const first = rows[1] ?? [];
    expect(first.slice(0, 8)).toEqual([
      'scg-first-virtual-meeting',
      'Earlier virtual SCG meeting on Rafah',
      'meeting',
      'virtual',
      'held',
      'range',
      '2024-03-21',
      '2024-04-17',
    ]);
    expect(first[9]).toBe('in recent weeks');
    expect(first[11]).toBe('International Business Times; The Times of Israel');
    const followUp = rows.find((r) => r[0] === 'scg-follow-up-meeting');
    expect(followUp?.[1]).toBe('Promised follow-up SCG meeting ("will meet again soon")');
  });
});
