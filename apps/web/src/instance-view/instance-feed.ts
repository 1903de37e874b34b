/**
 * The instance and its whole history, kept current by server push (`instances.watch`): the first
 * updates carry everything so far in chunks, later ones only new events. Free of React so the page
 * can open it before the app's script has loaded (see `main.tsx`).
 */
import type { Definition } from "@flowcraft/definition";
import type { HistoryEvent } from "@flowcraft/engine";
import { api, errorMessage } from "../lib/api.ts";

export type InstanceView = Awaited<ReturnType<typeof api.instances.get.query>>;
export type FeedEvent = HistoryEvent & { generation: number };

export interface InstanceFeed {
  instance: InstanceView | null;
  /** The definition of the instance's version, which the first update carries. */
  definition: Definition | null;
  /** Every event received so far, in order, all generations. */
  events: FeedEvent[];
  /** The newest event the server has announced; `events` has reached it once the backlog is in. */
  lastSeq: number;
  /** The whole history up to `lastSeq` has arrived: only then is it shown as the instance's state. */
  complete: boolean;
  error: string | null;
}

export const EMPTY_FEED: InstanceFeed = { instance: null, definition: null, events: [], lastSeq: 0, complete: false, error: null };

/** One open watch: its feed so far, and who to tell when it changes. */
export interface InstanceFeedWatch {
  current(): InstanceFeed;
  /** Calls `listener` with each new feed; returns how to stop. */
  listen(listener: (feed: InstanceFeed) => void): () => void;
  close(): void;
}

export function watchInstanceFeed(id: string): InstanceFeedWatch {
  let feed = EMPTY_FEED;
  const listeners = new Set<(feed: InstanceFeed) => void>();
  const publish = (next: InstanceFeed) => {
    feed = next;
    listeners.forEach((listener) => listener(next));
  };
  const subscription = api.instances.watch.subscribe(
    { id },
    {
      onData(update) {
        // A reconnected stream starts over from the beginning: keep only what is new.
        const received = feed.events.at(-1)?.seq ?? 0;
        const fresh = update.events.filter((event) => event.seq > received);
        const events = fresh.length > 0 ? feed.events.concat(fresh) : feed.events;
        const newest = events.at(-1)?.seq ?? 0;
        const definition = update.definition ?? feed.definition;
        publish({ instance: update.instance, definition, events, lastSeq: update.lastSeq, complete: newest >= update.lastSeq, error: null });
      },
      onError(error) {
        publish({ ...feed, error: errorMessage(error) });
      },
    },
  );
  return {
    current: () => feed,
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      listeners.clear();
      subscription.unsubscribe();
    },
  };
}

let early: { id: string; watch: InstanceFeedWatch } | null = null;

/**
 * Opens the watch of the instance the page was opened on, before the app's script has loaded: the
 * server reads and sends a long history while the browser is still busy evaluating the app.
 */
export function watchEarly(id: string) {
  early = { id, watch: watchInstanceFeed(id) };
}

/** The watch opened early for `id` (once), or a new one. */
export function takeInstanceFeedWatch(id: string): InstanceFeedWatch {
  const watch = early?.id === id ? early.watch : watchInstanceFeed(id);
  early = null;
  return watch;
}
