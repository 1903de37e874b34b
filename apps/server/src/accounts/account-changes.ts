/**
 * The change feed of accounts, which open pages follow so that a person's new roles or groups (or
 * their account being disabled) show without a reload. Accounts are few: one look at the whole
 * table every few seconds for the process, while anyone watches, serves every open page.
 */
import { setTimeout as sleep } from "node:timers/promises";
import type { Database } from "@flowcraft/db";

/** How often the feed looks at the accounts while anyone watches. */
export const ACCOUNT_CHANGES_INTERVAL_MS = 2_000;

type Listener = (username: string) => void;

export class AccountChanges {
  private readonly listeners = new Set<Listener>();
  /** What each account was at the latest look: its roles, groups and whether it is disabled. */
  private latest = new Map<string, string>();
  private polling = false;

  constructor(private readonly db: Database) {}

  /**
   * Yields at once, so that a page (re)connecting catches up on what it missed, and then whenever
   * this account's roles, groups or disabled state change. A caller without an account (an API
   * token) hears only the first.
   */
  async *watch(username: string, signal: AbortSignal | undefined): AsyncGenerator<{ username: string }> {
    let pending = true;
    let wake: (() => void) | null = null;
    const stop = this.listen((changed) => {
      if (changed !== username) return;
      pending = true;
      wake?.();
    });
    const onAbort = () => wake?.();
    signal?.addEventListener("abort", onAbort);
    try {
      while (!signal?.aborted) {
        if (!pending) await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
        if (pending && !signal?.aborted) {
          pending = false;
          yield { username };
        }
      }
    } finally {
      stop();
      signal?.removeEventListener("abort", onAbort);
    }
  }

  private listen(listener: Listener): () => void {
    this.listeners.add(listener);
    if (!this.polling) void this.poll();
    return () => this.listeners.delete(listener);
  }

  private async poll() {
    this.polling = true;
    while (this.listeners.size > 0) {
      try {
        const { rows } = await this.db.pool.query<{ username: string; state: string }>(
          "SELECT username, concat_ws('|', array_to_string(roles, ','), array_to_string(groups, ','), disabled_at IS NOT NULL) AS state FROM account",
        );
        const next = new Map(rows.map((row) => [row.username, row.state]));
        for (const [username, state] of next) {
          // An account seen for the first time is not a change: nobody's page knew it otherwise.
          const before = this.latest.get(username);
          if (before !== undefined && before !== state) this.listeners.forEach((listener) => listener(username));
        }
        this.latest = next;
      } catch (error) {
        // The database is away for a moment: the next look tells the watchers what changed meanwhile.
        console.error("looking for account changes failed", error);
      }
      await sleep(ACCOUNT_CHANGES_INTERVAL_MS);
    }
    this.polling = false;
  }
}
