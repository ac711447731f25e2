/** The version an If-Match header names: `"3"` as sent back from an ETag, or a bare `3`. */
export type IfMatch = { kind: 'missing' } | { kind: 'invalid'; message: string } | { kind: 'version'; version: number };

export function parseIfMatch(header: string | undefined): IfMatch {
  if (header === undefined || header.trim() === '') return { kind: 'missing' };
  const value = header.trim();
  if (value === '*') {
    return { kind: 'invalid', message: 'If-Match must name the version you edited, such as "3"; * is not accepted' };
  }
  const match = /^(?:"([1-9]\d{0,14})"|([1-9]\d{0,14}))$/.exec(value);
  const digits = match?.[1] ?? match?.[2];
  if (!digits) {
    return { kind: 'invalid', message: `If-Match must be one version such as "3", not ${JSON.stringify(value)}` };
  }
  return { kind: 'version', version: Number(digits) };
}

/** A verdict version as a strong ETag. */
export const etagFor = (version: number) => `"${version}"`;
