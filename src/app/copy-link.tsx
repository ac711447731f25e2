import { useId, useState } from 'react';
import { encodeUrl, type UrlState } from '@/domain/url-state';

type CopyState = { kind: 'idle' } | { kind: 'copied'; url: string } | { kind: 'manual'; url: string };

/**
 * Copies the canonical URL of the view as it stands. Where the clipboard is refused (an
 * insecure origin, a denied permission) the link is shown selected so it can be copied by hand.
 */
export function CopyLink({ state }: { state: UrlState }) {
  const id = useId();
  const [copy, setCopy] = useState<CopyState>({ kind: 'idle' });
  const onClick = () => {
    const url = new URL(encodeUrl(state), window.location.origin).href;
    const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
    if (!clipboard) {
      setCopy({ kind: 'manual', url });
      return;
    }
    clipboard.writeText(url).then(
      () => setCopy({ kind: 'copied', url }),
      () => setCopy({ kind: 'manual', url }),
    );
  };
  return (
    <div className="copy-link">
      <button type="button" className="copy-link__button" onClick={onClick} aria-describedby={`${id}-status`}>
        Copy link
      </button>
      <span id={`${id}-status`} className="copy-link__status" aria-live="polite">
        {copy.kind === 'copied' ? 'Link copied' : null}
      </span>
      {copy.kind === 'manual' ? (
        <label className="copy-link__manual">
          Copy this link:{' '}
          <input
            type="text"
            readOnly
            value={copy.url}
            size={Math.min(60, copy.url.length)}
            ref={(input) => input?.select()}
          />
        </label>
      ) : null}
    </div>
  );
}
