import { StanceBadge } from '@/components/stance-badge';
import type { ColumnMode } from '@/domain/url-state';
import { useClaimEvidence } from '@/lib/story/use-claim-evidence';
import { mentionVia } from '../model/cell-text';
import type { MatrixModel } from '../model/matrix-model';
import { usePreviewStore } from '../store/preview-store';

const WIDTH = 360;
const MAX_QUOTE = 280;

const clip = (text: string) => (text.length > MAX_QUOTE ? `${text.slice(0, MAX_QUOTE - 1)}…` : text);

/**
 * The evidence of the cell under the pointer (or, else, the focused one), floating beside it.
 * Screen readers get the same quotes as the focused cell's description, so this is for the eye.
 */
export function CellPreview({ model, mode }: { model: MatrixModel; mode: ColumnMode }) {
  const target = usePreviewStore((s) => s.pointer ?? s.focus);
  const evidence = useClaimEvidence(model.bundle.story.id, target?.claimId ?? null);
  if (!target) return null;
  const mentions = model.cells(mode).get(target.claimId)?.get(target.columnId);
  if (!mentions || mentions.length === 0) return null;
  const left = Math.max(8, Math.min(target.left, window.innerWidth - WIDTH - 16));
  const below = target.bottom + 6;
  const style =
    below + 160 < window.innerHeight
      ? { left, top: below, width: WIDTH }
      : { left, bottom: window.innerHeight - target.top + 6, width: WIDTH };
  return (
    <div className="mx-preview" aria-hidden="true" style={style}>
      {mentions.map((mention) => {
        const via = mentionVia(model.index, mention);
        return (
          <div key={mention.id} className="mx-preview__mention">
            <p className="mx-preview__head">
              <StanceBadge stance={mention.stance} /> {via ? `via ${via}` : 'in its own voice'}
            </p>
            {(evidence?.get(mention.id)?.spans ?? []).slice(0, 2).map((span) => (
              <blockquote key={`${span.start}-${span.end}`} className={`evidence evidence--${mention.stance}`}>
                {clip(span.exact)}
              </blockquote>
            ))}
          </div>
        );
      })}
    </div>
  );
}
