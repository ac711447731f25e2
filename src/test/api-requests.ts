import { onTestFinished } from 'vitest';
import { mockServer } from '../../mocks/node';

/** The API requests the page makes from now on until the test ends, each as its path and query. */
export function recordApiRequests(): string[] {
  const paths: string[] = [];
  const listener = ({ request }: { request: Request }) => {
    const url = new URL(request.url);
    if (url.pathname.startsWith('/api/')) paths.push(`${url.pathname}${url.search}`);
  };
  mockServer.events.on('request:start', listener);
  onTestFinished(() => void mockServer.events.removeListener('request:start', listener));
  return paths;
}
