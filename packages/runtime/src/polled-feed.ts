/**
 * A change feed shared by every watcher in the process: while anyone watches, one look at the
 * database every `intervalMs`, whose changes go to every watcher. A watcher that is busy when
 * changes arrive gets only the latest of them when it next asks: pages refetch on a change, so
 * the ones in between would only make them refetch again.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { defaultLogger, type Logger } from "./logger.ts";

export interface PolledFeedOptions<T> {
  intervalMs: number;
  /** What the feed follows, for the log line of a look that failed. */
  what: string;
  /** One look: the changes since the previous one, in order. */
  look(): Promise<T[]>;
  /** Where a failed look is logged; the default logger when absent. */
  log?: Logger;
}

export interface WatchOptions<T> {
  /** Yielded at once, so that a watcher (re)connecting catches up on what it missed. */
  first?: T;
  /** The changes this watcher hears; all of them when absent. */
  wanted?(change: T): boolean;
}

export class PolledFeed<T> {
  private readonly listeners = new Set<(change: T) => void>();
  private polling = false;

  private readonly log: Logger;

  constructor(private readonly options: PolledFeedOptions<T>) {
    this.log = options.log ?? defaultLogger();
  }

  async *watch(signal: AbortSignal | undefined, { first, wanted }: WatchOptions<T> = {}): AsyncGenerator<T> {
    let pending: { change: T } | null = first === undefined ? null : { change: first };
    let wake: (() => void) | null = null;
    const stop = this.listen((change) => {
      if (wanted && !wanted(change)) return;
      pending = { change };
      wake?.();
    });
    const onAbort = () => wake?.();
    signal?.addEventListener("abort", onAbort);
    try {
      while (!signal?.aborted) {
        if (pending === null) await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
        const next: { change: T } | null = pending;
        pending = null;
        if (next !== null && !signal?.aborted) yield next.change;
      }
    } finally {
      stop();
      signal?.removeEventListener("abort", onAbort);
    }
  }

  private listen(listener: (change: T) => void): () => void {
    this.listeners.add(listener);
    if (!this.polling) void this.poll();
    return () => this.listeners.delete(listener);
  }

  private async poll() {
    this.polling = true;
    while (this.listeners.size > 0) {
      try {
        for (const change of await this.options.look()) this.listeners.forEach((listener) => listener(change));
      } catch (error) {
        // The database is away for a moment: the next look tells the watchers what changed meanwhile.
        this.log.error({ err: error }, `looking for ${this.options.what} changes failed`);
      }
      await sleep(this.options.intervalMs);
    }
    this.polling = false;
  }
}
