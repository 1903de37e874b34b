/**
 * The change feed of all instances, which the lists and the inbox follow: one look at the
 * instance table a second for the whole process, however many pages are open, shared by every
 * watcher rather than made by each.
 */
import type { Database } from "@flowcraft/db";
import type { Logger } from "./logger.ts";
import { PolledFeed } from "./polled-feed.ts";

/** How often the feed looks for changes while anyone watches. */
export const CHANGES_INTERVAL_MS = 1_000;

export class InstanceChanges {
  /** The latest look: what changed when, and a key that also moves when an instance is purged. */
  private latest: { key: string; changedAt: string } | null = null;
  private readonly feed: PolledFeed<{ changedAt: string }>;

  constructor(db: Database, log?: Logger) {
    this.feed = new PolledFeed({
      ...(log ? { log } : {}),
      intervalMs: CHANGES_INTERVAL_MS,
      what: "instance",
      look: async () => {
        const { rows } = await db.pool.query<{ changed_at: Date | null; count: string }>("SELECT max(updated_at) AS changed_at, count(*) AS count FROM instance");
        const changedAt = rows[0]?.changed_at?.toISOString() ?? new Date(0).toISOString();
        const key = `${changedAt}/${rows[0]?.count ?? 0}`;
        if (key === this.latest?.key) return [];
        this.latest = { key, changedAt };
        return [{ changedAt }];
      },
    });
  }

  /** Yields `{ changedAt }` at once (once known) and then whenever an instance is created, changes or is purged. */
  async *watch(signal: AbortSignal | undefined): AsyncGenerator<{ changedAt: string }> {
    // Read when the watcher first asks, as the feed starts listening then.
    yield* this.feed.watch(signal, this.latest ? { first: { changedAt: this.latest.changedAt } } : {});
  }
}
