/**
 * The change feed of all instances, which the lists and the inbox follow: one look at the
 * instance table a second for the whole process, however many pages are open, shared by every
 * watcher rather than made by each.
 */
import { setTimeout as sleep } from "node:timers/promises";
import type { Database } from "@flowcraft/db";

/** How often the feed looks for changes while anyone watches. */
export const CHANGES_INTERVAL_MS = 1_000;

type Listener = (changedAt: string) => void;

export class InstanceChanges {
  private readonly listeners = new Set<Listener>();
  /** The latest look: what changed when, and a key that also moves when an instance is purged. */
  private latest: { key: string; changedAt: string } | null = null;
  private polling = false;

  constructor(private readonly db: Database) {}

  /** Yields `{ changedAt }` at once and then whenever an instance is created, changes or is purged. */
  async *watch(signal: AbortSignal | undefined): AsyncGenerator<{ changedAt: string }> {
    let pending: string | null = null;
    let wake: (() => void) | null = null;
    const stop = this.listen((changedAt) => {
      pending = changedAt;
      wake?.();
    });
    const onAbort = () => wake?.();
    signal?.addEventListener("abort", onAbort);
    try {
      while (!signal?.aborted) {
        if (pending === null) await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
        const changedAt: string | null = pending;
        pending = null;
        if (changedAt !== null && !signal?.aborted) yield { changedAt };
      }
    } finally {
      stop();
      signal?.removeEventListener("abort", onAbort);
    }
  }

  /** Calls `listener` with the latest change (once known) and every later one; returns how to stop. */
  private listen(listener: Listener): () => void {
    this.listeners.add(listener);
    if (this.latest) listener(this.latest.changedAt);
    if (!this.polling) void this.poll();
    return () => this.listeners.delete(listener);
  }

  private async poll() {
    this.polling = true;
    while (this.listeners.size > 0) {
      try {
        const { rows } = await this.db.pool.query<{ changed_at: Date | null; count: string }>("SELECT max(updated_at) AS changed_at, count(*) AS count FROM instance");
        const changedAt = rows[0]?.changed_at?.toISOString() ?? new Date(0).toISOString();
        const key = `${changedAt}/${rows[0]?.count ?? 0}`;
        if (key !== this.latest?.key) {
          this.latest = { key, changedAt };
          this.listeners.forEach((listener) => listener(changedAt));
        }
      } catch (error) {
        // The database is away for a moment: the next look tells the watchers what they missed.
        console.error("looking for instance changes failed", error);
      }
      await sleep(CHANGES_INTERVAL_MS);
    }
    this.polling = false;
  }
}
