import { useId } from 'react';
import type { Published } from '@/domain/schemas';
import { formatDay } from '@/lib/format-date';

/** A publication date that shows, on hover and focus, how it was established. */
export function PublishedDate({ published }: { published: Published }) {
  const basisId = useId();
  return (
    <span className="published" tabIndex={0} aria-describedby={basisId}>
      <time dateTime={published.date}>{formatDay(published.date)}</time>
      <span className="published__basis" role="tooltip" id={basisId}>
        {published.basis}
      </span>
    </span>
  );
}
