import type { ReactNode } from 'react';

type QueryLike = { error: Error | null; refetch: () => unknown; isFetching: boolean };

type QueryStatusProps = { status: 'pending' | 'error'; query: QueryLike; what: string };

/** The loading and error states of a view's data, with a retry that keeps the view in place. */
export function QueryStatus({ status, query, what }: QueryStatusProps): ReactNode {
  if (status === 'pending') {
    return (
      <p className="query-status" role="status">
        Loading {what}…
      </p>
    );
  }
  return (
    <div className="query-status query-status--error" role="alert">
      <p>
        Could not load {what}. {query.error?.message}
      </p>
      <button type="button" onClick={() => void query.refetch()} disabled={query.isFetching}>
        {query.isFetching ? 'Retrying…' : 'Retry'}
      </button>
    </div>
  );
}
