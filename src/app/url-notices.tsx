import { NoticeList } from './notice-list';
import { useNoticeStore } from './notice-store';

export function UrlNotices() {
  const notices = useNoticeStore((s) => s.urlNotices);
  const dismiss = useNoticeStore((s) => s.dismissUrlNotices);
  return (
    <div aria-live="polite" className="notices">
      {notices.length > 0 ? (
        <div className="notice" role="status">
          <p>Part of the link could not be used and was left out:</p>
          <NoticeList notices={notices} />
          <button type="button" onClick={dismiss}>
            Dismiss
          </button>
        </div>
      ) : null}
    </div>
  );
}
