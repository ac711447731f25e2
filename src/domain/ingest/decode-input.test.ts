import { describe, expect, it } from 'vitest';
import { decodeInput, detectFormat, fingerprintText, MAX_INPUT_BYTES } from './decode-input';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('decodeInput', () => {
  it('accepts UTF-8 text and normalizes line endings and the byte order mark', () => {
    expect(decodeInput(bytes('\uFEFFLine one.\r\nLine two.'))).toEqual({
      ok: true,
      text: 'Line one.\nLine two.',
      format: 'text',
    });
  });

  it.each([
    ['empty', new Uint8Array(), /empty/],
    ['blank', bytes(' \n\t '), /no text/],
    ['binary', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]), /binary/],
    ['not UTF-8', new Uint8Array([0x48, 0xe9, 0x6c, 0x6c, 0x6f]), /not valid UTF-8/],
    ['over-size', new Uint8Array(MAX_INPUT_BYTES + 1).fill(0x61), /over the limit of 2\.0 MB/],
  ])('refuses %s input with a clear problem', (_name, input, problem) => {
    const result = decodeInput(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toMatch(problem);
  });
});

describe('detectFormat', () => {
  it('goes by the file name first, then by the content', () => {
    expect(detectFormat('<p>x</p>', 'story.txt')).toBe('text');
    expect(detectFormat('plain', 'story.html')).toBe('html');
    expect(detectFormat('<!DOCTYPE html><html><body>x</body></html>')).toBe('html');
    expect(detectFormat('# Headline\n\nBody with [a link](https://x.example).')).toBe('markdown');
    expect(detectFormat('An ordinary wire story. It has two sentences.')).toBe('text');
  });
});

describe('fingerprintText', () => {
  it('sets aside layout, quote style, case and punctuation', () => {
    expect(fingerprintText('“Meet again soon,” it said.\n\nDone!')).toBe(
      fingerprintText('"meet again soon" it said done'),
    );
  });
});
