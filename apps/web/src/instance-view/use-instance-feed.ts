/**
 * The instance and its whole history, kept current by server push (`instances.watch`): the first
 * update carries everything so far, later ones only new events.
 */
import type { HistoryEvent } from "@flowcraft/engine";
import { useEffect, useState } from "react";
import { api, errorMessage } from "../lib/api.ts";

export type InstanceView = Awaited<ReturnType<typeof api.instances.get.query>>;
export type FeedEvent = HistoryEvent & { generation: number };

export interface InstanceFeed {
  instance: InstanceView | null;
  /** Every event so far, in order, all generations. */
  events: FeedEvent[];
  error: string | null;
}

export function useInstanceFeed(id: string): InstanceFeed {
  const [feed, setFeed] = useState<InstanceFeed>({ instance: null, events: [], error: null });
  useEffect(() => {
    let events: FeedEvent[] = [];
    setFeed({ instance: null, events, error: null });
    const subscription = api.instances.watch.subscribe(
      { id },
      {
        onData(update) {
          // A reconnected stream starts over from the beginning: keep only what is new.
          const lastSeq = events.at(-1)?.seq ?? 0;
          const fresh = update.events.filter((event) => event.seq > lastSeq);
          if (fresh.length > 0) events = events.concat(fresh);
          setFeed({ instance: update.instance, events, error: null });
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
