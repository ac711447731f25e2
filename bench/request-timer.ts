import { Worker } from 'node:worker_threads';

/** One timed request: to the first byte of the answer and to its last, and the bytes that came (still compressed). */
export type TimedRequest = { firstByte: number; ms: number; wire: number };

/**
 * The client of the HTTP benches, in a thread of its own: a browser is another process, and a
 * client on the server's own event loop makes the server wait for it to read (past the socket's
 * buffer, a few MiB, every answer then takes turns with its reader). Plain JavaScript, so the
 * worker needs no TypeScript loader.
 */
const CLIENT = `
const { parentPort } = require('node:worker_threads');
const { get } = require('node:http');
const once = (url) =>
  new Promise((resolve, reject) => {
    const start = performance.now();
    get(url, { headers: { 'Accept-Encoding': 'gzip' } }, (response) => {
      const firstByte = performance.now() - start;
      let wire = 0;
      response.on('data', (chunk) => (wire += chunk.length));
      response.on('end', () =>
        response.statusCode === 200
          ? resolve({ firstByte, ms: performance.now() - start, wire })
          : reject(new Error('GET ' + url + ' answered ' + response.statusCode)),
      );
      response.on('error', reject);
    }).on('error', reject);
  });
parentPort.on('message', async ({ url, warmup, runs }) => {
  try {
    const samples = [];
    for (let i = 0; i < warmup + runs; i += 1) {
      const sample = await once(url);
      if (i >= warmup) samples.push(sample);
    }
    parentPort.postMessage({ samples });
  } catch (error) {
    parentPort.postMessage({ error: String(error) });
  }
});
`;

/** Times GET requests with gzip accepted, from a client thread, one request at a time. */
export function createRequestTimer() {
  const worker = new Worker(CLIENT, { eval: true });
  let queue: Promise<unknown> = Promise.resolve();
  return {
    /** `warmup` untimed requests, then `runs` timed ones. */
    repeat(url: string, warmup: number, runs: number): Promise<TimedRequest[]> {
      const next = queue.then(
        () =>
          new Promise<TimedRequest[]>((resolve, reject) => {
            worker.once('message', (answer: { samples?: TimedRequest[]; error?: string }) =>
              answer.samples ? resolve(answer.samples) : reject(new Error(answer.error)),
            );
            worker.postMessage({ url, warmup, runs });
          }),
      );
      queue = next.catch(() => undefined);
      return next;
    },
    close: () => worker.terminate(),
  };
}
