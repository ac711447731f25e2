export const MAX_INPUT_BYTES = 2 * 1024 * 1024;

export type InputFormat = 'text' | 'markdown' | 'html';

export type DecodedInput = { ok: true; text: string; format: InputFormat } | { ok: false; problem: string };

/**
 * Checks raw input before anything is parsed: size, binary content, encoding; and tells
 * which format it is (by file name, else by content).
 */
export function decodeInput(bytes: Uint8Array, fileName = ''): DecodedInput {
  if (bytes.length === 0) return { ok: false, problem: 'the input is empty' };
  if (bytes.length > MAX_INPUT_BYTES) {
    return {
      ok: false,
      problem: `the input is ${formatSize(bytes.length)}, over the limit of ${formatSize(MAX_INPUT_BYTES)}`,
    };
  }
  if (bytes.includes(0)) return { ok: false, problem: 'the input is binary (it contains NUL bytes), not text' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, problem: 'the input is not valid UTF-8 text' };
  }
  text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  let controls = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    // C0 controls other than tab, line feed and carriage return do not occur in text.
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) controls += 1;
  }
  if (controls > 0 && controls / text.length > 0.01) return { ok: false, problem: 'the input is binary, not text' };
  if (text.trim() === '') return { ok: false, problem: 'the input has no text' };
  return { ok: true, text, format: detectFormat(text, fileName) };
}

export function detectFormat(text: string, fileName = ''): InputFormat {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (extension === 'html' || extension === 'htm') return 'html';
  if (extension === 'md' || extension === 'markdown') return 'markdown';
  if (extension === 'txt') return 'text';
  const head = text.trimStart().slice(0, 2000).toLowerCase();
  if (/^<!doctype html|^<html[\s>]|<body[\s>]|<article[\s>]|^<(?:p|div|h1|section)[\s>]/.test(head)) return 'html';
  if (/^#{1,6}\s|\n#{1,6}\s|\[[^\]]+\]\([^)]+\)|\*\*[^*]+\*\*/.test(head)) return 'markdown';
  return 'text';
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** Text compared for duplicates: what remains when layout, quotes, case and punctuation are set aside. */
export function fingerprintText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’“”"']/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
