import type {
  CoverageChangeEvent,
  EventChangeEvent,
  PublicationChangeEvent,
  StoryChangeEvent,
  VerdictChangeEvent,
} from '@/domain/schemas';

/** One accepted change, named as the change stream names its events. */
export type FeedEvent =
  | { name: 'verdict'; data: VerdictChangeEvent }
  | { name: 'coverage'; data: CoverageChangeEvent }
  | { name: 'event'; data: EventChangeEvent }
  | { name: 'story'; data: StoryChangeEvent }
  | { name: 'publication'; data: PublicationChangeEvent };

type Subscriber = { onChange: (event: FeedEvent) => void; onClose: () => void };

/** Accepted changes, fanned out to every open change stream of this process. */
export function createChangeFeed() {
  const subscribers = new Set<Subscriber>();
  return {
    publish(event: FeedEvent) {
      for (const subscriber of subscribers) subscriber.onChange(event);
    },
    /** Returns the unsubscribe function. `onClose` runs when the server shuts the feed. */
    subscribe(onChange: Subscriber['onChange'], onClose: Subscriber['onClose']): () => void {
      const subscriber = { onChange, onClose };
      subscribers.add(subscriber);
      return () => subscribers.delete(subscriber);
    },
    /** Ends every stream, so a shutting-down server is not held open by its listeners. */
    close() {
      for (const subscriber of [...subscribers]) subscriber.onClose();
      subscribers.clear();
    },
    get listeners() {
      return subscribers.size;
    },
  };
}

export type ChangeFeed = ReturnType<typeof createChangeFeed>;
