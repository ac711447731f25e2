import type { CellStance } from '@/domain/stance-rules';

/** Glyphs carry the stance for readers who cannot tell the colours apart. */
export const STANCE_GLYPHS: Record<CellStance, string> = {
  asserts: '●',
  reports: '◐',
  denies: '✕',
  contradicts: '≠',
  silent: '·',
};

export const STANCE_LABELS: Record<CellStance, string> = {
  asserts: 'asserts',
  reports: 'reports',
  denies: 'denies',
  contradicts: 'contradicts',
  silent: 'silent',
};

export function StanceBadge({ stance, count }: { stance: CellStance; count?: number }) {
  return (
    <span className={`stance stance--${stance}`}>
      <span aria-hidden="true" className="stance__glyph">
        {STANCE_GLYPHS[stance]}
      </span>{' '}
      {count === undefined ? STANCE_LABELS[stance] : `${count} ${STANCE_LABELS[stance]}`}
    </span>
  );
}
