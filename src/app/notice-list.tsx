import type { UrlNotice } from '@/domain/url-state';

/** The parts of a link that a notice names, one per line: `param=value: why`. */
export function NoticeList({ notices }: { notices: readonly UrlNotice[] }) {
  return (
    <ul>
      {notices.map((notice, i) => (
        <li key={`${i}:${notice.param}=${notice.value}`}>
          <code>
            {notice.param}={notice.value}
          </code>
          : {notice.reason}
        </li>
      ))}
    </ul>
  );
}
