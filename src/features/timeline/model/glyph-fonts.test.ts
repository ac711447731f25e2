import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { STANCE_GLYPHS } from '@/components/stance-badge';
import { STATUS_GLYPHS } from './labels';

/** Whether fontconfig knows a font with this character; null where there is no fontconfig to ask. */
function inSomeFont(char: string): boolean | null {
  const hex = (char.codePointAt(0) as number).toString(16);
  try {
    return execFileSync('fc-list', [`:charset=${hex}`, 'family'], { encoding: 'utf8' }).trim() !== '';
  } catch {
    return null;
  }
}

const fontconfig = inSomeFont('A') !== null;

describe('the glyphs that carry a status or a stance', () => {
  it.skipIf(!fontconfig)('are in an installed font, so none shows as an empty box', () => {
    const glyphs = [...Object.values(STATUS_GLYPHS), ...Object.values(STANCE_GLYPHS)];
    expect(glyphs.filter((glyph) => inSomeFont(glyph) === false)).toEqual([]);
  });
});
