import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { auditEntrySchema, claimSchema, storyBundleSchema, storySummarySchema } from '@/domain/schemas';
import { exited, serverProcessKit, signInOver } from './server-process-test-kit';
import { freshPostgresDatabase, STORE_ENGINES } from './store/store-test-kit';

const PASSWORD = 'a durable password';

type Ack = { claim: string; version: number; note: string };

describe.each(STORE_ENGINES)('durability of acknowledged verdict changes on %s', (engine) => {
  let kit: ReturnType<typeof serverProcessKit>;
  let drop = async () => {};
  beforeAll(async () => {
    if (engine === 'postgres') {
      const database = await freshPostgresDatabase();
      drop = () => database.drop();
      kit = serverProcessKit(database.url);
    } else {
      kit = serverProcessKit();
    }
  });
  afterAll(async () => {
    await kit.stopAll();
    await drop();
  });

  it('keeps every change acknowledged with a 2xx, and its audit entry, through a SIGKILL', async () => {
    const first = await kit.start();
    // A fresh database: the server says how to create the first editor, which works while it runs.
    await expect.poll(first.output).toMatch(/npm run user -- add YOUR-NAME --role admin/);
    const added = kit.addEditor('alice', PASSWORD);
    expect(added.status, added.stderr).toBe(0);
    const cookie = await signInOver(first.url, 'alice', PASSWORD);

    const [summary] = z.array(storySummarySchema).parse(await (await fetch(`${first.url}/api/stories`)).json());
    const bundle = storyBundleSchema.parse(await (await fetch(`${first.url}/api/stories/${summary!.id}`)).json());
    const claims = bundle.claims.slice(0, 4);

    const acks: Ack[] = [];
    let killed = false;
    const stream = async (claim: (typeof claims)[number], worker: number) => {
      let version = claim.verdict.version;
      for (let i = 0; ; i += 1) {
        const note = `worker ${worker}, change ${i}`;
        let response: Response;
        let body: string;
        try {
          response = await fetch(`${first.url}/api/claims/${claim.id}/verdict`, {
            method: 'PATCH',
            headers: { 'Content-Type': 'application/json', Cookie: cookie, 'If-Match': `"${version}"` },
            body: JSON.stringify({ status: i % 2 ? 'disputed' : 'verified', note }),
          });
          // A compressed answer streams after its headers: a change is acknowledged only once its whole answer arrived.
          body = await response.text();
        } catch {
          return; // the server is gone
        }
        if (!response.ok) throw new Error(`unexpected ${response.status}: ${body}`);
        const updated = claimSchema.parse(JSON.parse(body));
        version = updated.verdict.version;
        acks.push({ claim: claim.id, version, note });
        if (acks.length >= 60 && !killed) {
          killed = true;
          first.child.kill('SIGKILL'); // mid-stream: the other workers have requests in flight
        }
      }
    };
    await Promise.all(claims.map(stream));
    await exited(first.child);
    expect(first.child.signalCode).toBe('SIGKILL');
    expect(acks.length).toBeGreaterThanOrEqual(60);

    const second = await kit.start();
    try {
      for (const claim of claims) {
        const history = z
          .array(auditEntrySchema)
          .parse(await (await fetch(`${second.url}/api/claims/${claim.id}/history`)).json());
        const current = claimSchema.parse(await (await fetch(`${second.url}/api/claims/${claim.id}`)).json());
        const acked = acks.filter((ack) => ack.claim === claim.id);
        for (const ack of acked) {
          expect(history.find((entry) => entry.version === ack.version)?.to.note).toBe(ack.note);
        }
        // Nothing half-written: the verdict is the last entry of its history, versions without gaps.
        expect(history.map((entry) => entry.version)).toEqual(history.map((_, i) => claim.verdict.version + i + 1));
        expect(current.verdict.version).toBe(history.at(-1)?.version ?? claim.verdict.version);
        expect(current.verdict.note).toBe(history.at(-1)?.to.note ?? claim.verdict.note);
        expect(current.verdict.version).toBeGreaterThanOrEqual(Math.max(0, ...acked.map((ack) => ack.version)));
      }
    } finally {
      second.child.kill('SIGTERM');
      await exited(second.child);
    }
  }, 60_000);
});
