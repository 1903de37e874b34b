/**
 * The instance and its whole history, kept current by server push (`instances.watch`): the first
 * updates carry everything so far in chunks, later ones only new events.
 */
import type { Definition } from "@flowcraft/definition";
import type { HistoryEvent } from "@flowcraft/engine";
import { useEffect, useState } from "react";
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

const EMPTY: InstanceFeed = { instance: null, definition: null, events: [], lastSeq: 0, complete: false, error: null };

export function useInstanceFeed(id: string): InstanceFeed {
  const [feed, setFeed] = useState<InstanceFeed>(EMPTY);
  useEffect(() => {
    let events: FeedEvent[] = [];
    let definition: Definition | null = null;
    setFeed(EMPTY);
    const subscription = api.instances.watch.subscribe(
      { id },
      {
        onData(update) {
          // A reconnected stream starts over from the beginning: keep only what is new.
          const received = events.at(-1)?.seq ?? 0;
          const fresh = update.events.filter((event) => event.seq > received);
          if (fresh.length > 0) events = events.concat(fresh);
          const newest = events.at(-1)?.seq ?? 0;
          definition = update.definition ?? definition;
          setFeed({ instance: update.instance, definition, events, lastSeq: update.lastSeq, complete: newest >= update.lastSeq, error: null });
        },
        onError(error) {
          setFeed((current) => ({ ...current, error: errorMessage(error) }));
        },
      },
    );
    return () => subscription.unsubscribe();
  }, [id]);
  return feed;
}
