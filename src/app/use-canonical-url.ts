import { useEffect } from 'react';
import { encodeUrl } from '@/domain/url-state';
import { currentHref, navigate } from '@/lib/router/location-store';
import { useUrlState } from '@/lib/url-state/use-url-state';
import { useNoticeStore } from './notice-store';

/**
 * Rewrites a non-canonical URL in place (same history entry), keeping what it dropped as a
 * visible notice, so that every shared link is the one canonical URL of its view.
 */
export function useCanonicalUrl() {
  const { state, notices } = useUrlState();
  const showUrlNotices = useNoticeStore((s) => s.showUrlNotices);
  useEffect(() => {
    const canonical = encodeUrl(state);
    if (canonical === currentHref()) return;
    if (notices.length > 0) showUrlNotices(notices);
    navigate(canonical, { replace: true });
  }, [state, notices, showUrlNotices]);
}
