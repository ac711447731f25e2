import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCsv } from '@/test/read-csv';
import { csvField, csvRecord, neutralizeFormula, toCsv } from './csv';

describe('CSV fields', () => {
  it('quotes fields with commas, quotes or line breaks, doubling the quotes (RFC 4180)', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "no"')).toBe('"say ""no"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r\nlf')).toBe('"cr\r\nlf"');
    expect(csvField('')).toBe('');
  });

  it('writes numbers, booleans and null as such', () => {
    expect(csvField(3)).toBe('3');
    expect(csvField(-1.5)).toBe('-1.5');
    expect(csvField(Number.NaN)).toBe('');
    expect(csvField(true)).toBe('true');
    expect(csvField(null)).toBe('');
  });

  it.each([
    ['=HYPERLINK("http://evil.example","click")', `"'=HYPERLINK(""http://evil.example"",""click"")"`],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
    ['  =1', "'  =1"],
    ['＝1+1', "'＝1+1"],
  ])('neutralizes the formula %j so that a spreadsheet shows it as text', (value, written) => {
    expect(csvField(value)).toBe(written);
  });

  it('leaves text that merely contains formula characters alone', () => {
    for (const text of ['a=b', 'US–Israel', 'e-mail', 'x@y.example', "'quoted"]) {
      expect(neutralizeFormula(text)).toBe(text);
    }
  });

  it('ends every record with CRLF and keeps a lone empty field visible', () => {
    expect(csvRecord(['a', 1, null])).toBe('a,1,\r\n');
    expect(csvRecord([''])).toBe('""\r\n');
    expect(
      toCsv([
        ['h1', 'h2'],
        ['x', 'y'],
      ]),
    ).toBe('h1,h2\r\nx,y\r\n');
  });
});

describe('reading CSV back with an independent parser', () => {
  it('reads quoted fields, doubled quotes and line breaks in fields as written', () => {
    const written = [['a', 'b,c', 'say "hi"', 'two\r\nlines'], ['x', '', 'z'], ['']];
    expect(readCsv(toCsv(written))).toEqual(written);
  });

  it('reads back exactly what was written, formulas neutralized', () => {
    const text = fc.string({
      unit: fc.constantFrom('a', 'Z', ' ', ',', '"', '\r', '\n', '=', '+', '-', '@', '\t', "'", 'é'),
    });
    const records = fc.array(fc.array(fc.oneof(text, fc.string()), { minLength: 1, maxLength: 6 }), { maxLength: 6 });
    fc.assert(
      fc.property(records, (written) => {
        expect(readCsv(toCsv(written))).toEqual(written.map((record) => record.map(neutralizeFormula)));
      }),
      { numRuns: 500 },
    );
  });

  it('never lets a written cell start a formula', () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const [[cell]] = readCsv(toCsv([[value]])) as [[string]];
        expect(cell).not.toMatch(/^\s*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/);
      }),
      { numRuns: 500 },
    );
  });
});
