import { useCallback, useMemo } from 'react';
import { decodeUrl, encodeUrl, patchUrlState, type UrlState } from '@/domain/url-state';
import { navigate, type NavigateOptions } from '../router/location-store';
import { useLocationHref } from '../router/use-location';

export type UrlStatePatch = Partial<UrlState> | ((state: UrlState) => UrlState);

/** The shareable state of the app, decoded from the URL; writing it writes the URL. */
export function useUrlState() {
  const href = useLocationHref();
  const decoded = useMemo(() => {
    const url = new URL(href, 'http://parallax.invalid');
    return decodeUrl(url.pathname, url.search);
  }, [href]);

  const { state } = decoded;
  const setUrlState = useCallback(
    (patch: UrlStatePatch, options?: NavigateOptions) => {
      const next = typeof patch === 'function' ? patch(state) : patchUrlState(state, patch);
      navigate(encodeUrl(next), options);
    },
    [state],
  );

  return { state, notices: decoded.notices, setUrlState };
}

/** The URL of a state, for links that can be opened in a new tab or copied. */
export function hrefFor(state: UrlState, patch: Partial<UrlState>): string {
  return encodeUrl(patchUrlState(state, patch));
}
