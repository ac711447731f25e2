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
