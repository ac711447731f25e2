import * as z from 'zod/mini';
import {
  coverageChangeEventSchema,
  eventChangeEventSchema,
  storyChangeEventSchema,
  publicationChangeEventSchema,
  verdictChangeEventSchema,
} from '@/domain/schemas';
import type { ChangeLogStore } from '../store/store';
import { createChangeFeed, type ChangeFeed, type FeedEvent } from './change-feed';

const feedEventSchema = z.discriminatedUnion('name', [
  z.object({ name: z.literal('verdict'), data: verdictChangeEventSchema }),
  z.object({ name: z.literal('coverage'), data: coverageChangeEventSchema }),
  z.object({ name: z.literal('event'), data: eventChangeEventSchema }),
  z.object({ name: z.literal('story'), data: storyChangeEventSchema }),
  z.object({ name: z.literal('publication'), data: publicationChangeEventSchema }),
]);

/**
 * This process's change feed, joined to every other process on the same database: a change
 * published here goes through the database (PostgreSQL NOTIFY), and each process — this one
 * included — hands what arrives to its own subscribers, so every open stream sees every
 * change in the same order. On a database without notifications it is the local feed.
 */
export async function createSharedChangeFeed(store: ChangeLogStore, now: () => number = Date.now): Promise<ChangeFeed> {
  const local = createChangeFeed();
  const stop = await store.listenForChanges((payload) => {
    const event = feedEventSchema.safeParse(JSON.parse(payload));
    if (event.success) local.publish(event.data satisfies FeedEvent);
    else console.error('ignored a malformed change from another process');
  });
  if (!stop) return local;
  return {
    publish(event) {
      store.appendChange(JSON.stringify(event), now()).catch((error: unknown) => {
        console.error('could not pass a change to the other processes:', error);
      });
    },
    subscribe: (onChange, onClose) => local.subscribe(onChange, onClose),
    close() {
      void stop();
      local.close();
    },
    get listeners() {
      return local.listeners;
    },
  };
}
