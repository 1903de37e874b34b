/**
 * The instance and its whole history, kept current by server push (`GET
 * /api/v1/instances/{id}/watch`, server-sent events): the first messages carry everything so far
 * in chunks, later ones only new events. Free of React and of the API client so the page can open
 * it before the app's script has loaded (see `main.tsx`).
 */
import type { Definition } from "@flowcraft/definition";
import type { HistoryEvent } from "@flowcraft/engine";
import type { InstanceWatchMessage } from "@flowcraft/server/watch";
import { createParser } from "eventsource-parser";

export type InstanceView = InstanceWatchMessage["instance"];
export type FeedEvent = HistoryEvent & { generation: number };

export interface InstanceFeed {
  instance: InstanceView | null;
  /** The definition of the instance's version, which the first message carries. */
  definition: Definition | null;
  /** Every event received so far, in order, all generations. */
  events: FeedEvent[];
  /** The newest event the server has announced; `events` has reached it once the backlog is in. */
  lastSeq: number;
  /** The whole history up to `lastSeq` has arrived: only then is it shown as the instance's state. */
  complete: boolean;
  /** Why the feed is not live: the server's refusal, or a lost connection being retried. */
  error: string | null;
  /** The server answered 401: the session has ended. */
  signedOut: boolean;
}

export const EMPTY_FEED: InstanceFeed = { instance: null, definition: null, events: [], lastSeq: 0, complete: false, error: null, signedOut: false };

/** One open watch: its feed so far, and who to tell when it changes. */
export interface InstanceFeedWatch {
  current(): InstanceFeed;
  /** Calls `listener` with each new feed; returns how to stop. */
  listen(listener: (feed: InstanceFeed) => void): () => void;
  close(): void;
}

/** Waits before reconnecting after a lost connection, growing with each failure in a row. */
const RETRY_DELAYS_MS = [500, 1_000, 2_000, 5_000, 10_000];

/** A refusal that reconnecting would only repeat: the instance is gone, or the person may not see it. */
class Refused extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export function watchInstanceFeed(id: string): InstanceFeedWatch {
  let feed = EMPTY_FEED;
  const listeners = new Set<(feed: InstanceFeed) => void>();
  const publish = (next: InstanceFeed) => {
    feed = next;
    listeners.forEach((listener) => listener(next));
  };
  const closed = new AbortController();

  const receive = (message: InstanceWatchMessage) => {
    // Messages follow on from the last event received, so only a reconnect that raced a message could repeat one.
    const received = feed.events.at(-1)?.seq ?? 0;
    const fresh = message.events[0] && message.events[0].seq <= received ? message.events.filter((event) => event.seq > received) : message.events;
    const events = fresh.length > 0 ? feed.events.concat(fresh) : feed.events;
    const newest = events.at(-1)?.seq ?? 0;
    publish({ ...feed, instance: message.instance, definition: message.definition ?? feed.definition, events, lastSeq: message.lastSeq, complete: newest >= message.lastSeq, error: null });
  };

  void (async () => {
    for (let failures = 0; !closed.signal.aborted; ) {
      try {
        await readWatch(id, feed.events.at(-1)?.seq ?? 0, closed.signal, (message) => {
          failures = 0;
          receive(message);
        });
        // The stream ended: the server stopped, or the instance was purged. Reconnecting tells which.
      } catch (error) {
        if (closed.signal.aborted) return;
        if (error instanceof Refused) {
          publish({ ...feed, error: error.message, signedOut: error.status === 401 });
          return;
        }
        publish({ ...feed, error: `${(error as Error).message}; reconnecting…` });
      }
      const delay = RETRY_DELAYS_MS[Math.min(failures++, RETRY_DELAYS_MS.length - 1)]!;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  })();

  return {
    current: () => feed,
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      listeners.clear();
      closed.abort();
    },
  };
}

/** Reads one connection of the watch, handing over each message; resolves when the server ends the stream. */
async function readWatch(id: string, afterSeq: number, signal: AbortSignal, onMessage: (message: InstanceWatchMessage) => void): Promise<void> {
  // The same request as the page's preload of the whole history (apps/server/src/web-app.ts), so the first one is that.
  const response = await fetch(`/api/v1/instances/${encodeURIComponent(id)}/watch?afterSeq=${afterSeq}`, { signal });
  if (!response.ok || !response.body) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    const message = body?.error?.message ?? `the server answered ${response.status}`;
    if (response.status >= 400 && response.status < 500) throw new Refused(message, response.status);
    throw new Error(message);
  }
  // The server's last word when the watch failed after the stream began.
  const ending: { error?: Error } = {};
  const parser = createParser({
    onEvent(event) {
      if (event.event === "error") ending.error = new Error((JSON.parse(event.data) as { error: { message: string } }).error.message);
      else onMessage(JSON.parse(event.data) as InstanceWatchMessage);
    },
  });
  const decoder = new TextDecoder();
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parser.feed(decoder.decode(value, { stream: true }));
  }
  if (ending.error) throw ending.error;
}

let early: { id: string; watch: InstanceFeedWatch } | null = null;

/**
 * Opens the watch of the instance the page was opened on, before the app's script has loaded: the
 * server reads and sends a long history while the browser is still busy evaluating the app.
 */
export function watchEarly(id: string) {
  early = { id, watch: watchInstanceFeed(id) };
}

/** The watch opened early for `id` (once, unless it was refused, as before signing in), or a new one. */
export function takeInstanceFeedWatch(id: string): InstanceFeedWatch {
  const usable = early?.id === id && !early.watch.current().signedOut;
  const watch = usable ? early!.watch : watchInstanceFeed(id);
  if (!usable) early?.watch.close();
  early = null;
  return watch;
}
