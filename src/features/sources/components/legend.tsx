import { STANCE_GLYPHS, STANCE_LABELS } from '@/components/stance-badge';
import { STANCES } from '@/domain/stance-rules';

/** What the marks in the text mean; each stance has a glyph and an underline style, not only a colour. */
export function Legend() {
  return (
    <ul className="legend" aria-label="Legend">
      {STANCES.map((stance) => (
        <li key={stance}>
          <span className={`hl hl--${stance}`}>
            <span className="hl__glyph" aria-hidden="true">
              {STANCE_GLYPHS[stance]}
            </span>
            {STANCE_LABELS[stance]}
          </span>
        </li>
      ))}
      <li>
        <span className="hl hl--plain hl--shared">
          <span aria-hidden="true">⇄ </span>shared passage
        </span>
      </li>
      <li>
        <span className="hl hl--reports hl--overlap">overlapping claims</span>
      </li>
    </ul>
  );
}
