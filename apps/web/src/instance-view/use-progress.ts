/**
 * The engine's progress of one generation at one point of its history. Replaying thousands of
 * events takes a moment, so while one replay runs only the newest request waits for the next.
 */
import type { Definition } from "@flowcraft/definition";
import { progressOf, type HistoryEvent, type InstanceProgress } from "@flowcraft/engine";
import { useEffect, useRef, useState } from "react";

export function useProgress(definition: Definition | undefined, prefix: readonly HistoryEvent[]): InstanceProgress | null {
  const [progress, setProgress] = useState<InstanceProgress | null>(null);
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
          const result = await progressOf(next.definition, next.prefix);
          if (mounted.current) setProgress(result);
        }
      } catch (error) {
        // A history this version of the engine cannot replay: show what the last replay showed.
        console.error("replaying the history failed", error);
      } finally {
        running.current = false;
      }
    })();
  }, [definition, prefix]);

  return progress;
}
