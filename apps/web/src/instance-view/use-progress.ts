/**
 * The engine's progress of one generation at one point of its history. Replaying thousands of
 * events takes a moment, so while one replay runs only the newest request waits for the next.
 * Expressions that are not plain lookups run in a web worker with a deadline
 * (browser-evaluator.ts): a replay that cannot finish says why in `problem`, and the view keeps
 * what the last replay that finished showed.
 */
import type { Definition } from "@flowcraft/definition";
import { progressOf, type HistoryEvent, type InstanceProgress } from "@flowcraft/engine";
import { useEffect, useRef, useState } from "react";
import { evaluateInBrowser } from "./browser-evaluator.ts";

export interface Replayed {
  progress: InstanceProgress | null;
  /** Why the newest replay did not finish, until one does. */
  problem: string | null;
}

export function useProgress(definition: Definition | undefined, prefix: readonly HistoryEvent[]): Replayed {
  const [replayed, setReplayed] = useState<Replayed>({ progress: null, problem: null });
  const running = useRef(false);
  const wanted = useRef<{ definition: Definition; prefix: readonly HistoryEvent[] } | null>(null);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => {
    if (!definition) return;
    wanted.current = { definition, prefix };
    if (running.current) return;
    running.current = true;
    void (async () => {
      try {
        while (wanted.current) {
          const next = wanted.current;
          wanted.current = null;
          try {
            const progress = await progressOf(next.definition, next.prefix, evaluateInBrowser);
            if (mounted.current) setReplayed({ progress, problem: null });
          } catch (error) {
            console.error("replaying the history failed", error);
            if (mounted.current) setReplayed((last) => ({ progress: last.progress, problem: (error as Error).message }));
          }
        }
      } finally {
        running.current = false;
      }
    })();
  }, [definition, prefix]);

  return replayed;
}
