/*
 * CSV as RFC 4180 has it (fields separated by commas, records by CRLF, a field quoted when it
 * holds a comma, a quote or a line break, quotes doubled inside), made safe to open in a
 * spreadsheet: a text cell that a spreadsheet would run as a formula is prefixed with a quote.
 */

export type CsvValue = string | number | boolean | null;

/**
 * Starts a formula in Excel, LibreOffice or Google Sheets: = + - @, a tab or carriage return,
 * also after leading spaces or in their full-width forms.
 */
const FORMULA_START = /^(?:[\t\r]|\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/;

export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One field: text neutralized and quoted as needed; numbers and booleans as written. */
export function csvField(value: CsvValue): string {
  // Most cells of a wide export are empty.
  if (value === '') return '';
  let text: string;
  if (value === null) text = '';
  else if (typeof value === 'number') text = Number.isFinite(value) ? String(value) : '';
  else if (typeof value === 'boolean') text = value ? 'true' : 'false';
  else text = neutralizeFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record with its CRLF. */
export function csvRecord(values: readonly CsvValue[]): string {
  // A lone empty field would be an empty line, which reads back as no record at all.
  if (values.length === 1 && csvField(values[0] ?? null) === '') return '""\r\n';
  return `${values.map(csvField).join(',')}\r\n`;
}

export function toCsv(records: readonly (readonly CsvValue[])[]): string {
  return records.map(csvRecord).join('');
}

export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`CSV line ${line}: ${message}`);
    this.name = 'CsvSyntaxError';
  }
}

/**
 * Reads CSV back into records of text fields (no formula prefix is removed: that is part of
 * the cell). Accepts CRLF or LF line ends and a leading byte order mark; throws on a stray quote.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let line = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endField = () => {
    record.push(field);
    field = '';
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
    line += 1;
  };
  if (i >= text.length) return records;

  let atFieldStart = true;
  while (i < text.length) {
    const char = text[i] as string;
    if (atFieldStart && char === '"') {
      const opened = line;
      i += 1;
      for (;;) {
        if (i >= text.length) throw new CsvSyntaxError('a quoted field is never closed', opened);
        const c = text[i] as string;
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        if (c === '\n') line += 1;
        field += c;
        i += 1;
      }
      const after = text[i];
      if (after !== undefined && after !== ',' && after !== '\r' && after !== '\n') {
        throw new CsvSyntaxError('text after the closing quote of a field', line);
      }
      atFieldStart = false;
      continue;
    }
    if (char === ',') {
      endField();
      atFieldStart = true;
      i += 1;
    } else if (char === '\r' || char === '\n') {
      if (char === '\r' && text[i + 1] !== '\n') throw new CsvSyntaxError('a carriage return outside quotes', line);
      endRecord();
      atFieldStart = true;
      i += char === '\r' ? 2 : 1;
    } else if (char === '"') {
      throw new CsvSyntaxError('a quote inside an unquoted field', line);
    } else {
      field += char;
      atFieldStart = false;
      i += 1;
    }
  }
  // A final line break ends the last record; without one, the last record ends with the text.
  if (!atFieldStart || record.length > 0) endRecord();
  return records;
}
