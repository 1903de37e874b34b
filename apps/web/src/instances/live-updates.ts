/**
 * Server push for the lists: the server says when any instance changed, and the lists on screen
 * refetch. A busy system changes many times a second, so refetches are spaced out.
 */
import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { api } from "../lib/api.ts";
import { refreshInstanceQueries } from "./query-keys.ts";

/** At most one refetch per this many milliseconds; a change in between is picked up at its end. */
const SPACING_MS = 500;

export function useLiveInstanceUpdates(enabled: boolean) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled) return;
    let timer: number | undefined;
    let lastRefresh = 0;
    const changed = () => {
      if (timer !== undefined) return;
      timer = window.setTimeout(
        () => {
          timer = undefined;
          lastRefresh = Date.now();
          refreshInstanceQueries(queryClient);
        },
        Math.max(0, lastRefresh + SPACING_MS - Date.now()),
      );
    };
    // The server's first message on each (re)connection refreshes too: changes made while the
    // connection was down were not pushed.
    const subscription = api.instances.changes.subscribe(undefined, { onData: changed });
    return () => {
      subscription.unsubscribe();
      window.clearTimeout(timer);
    };
  }, [queryClient, enabled]);
}
