/**
 * The change feed of accounts, which open pages follow so that a person's new roles or groups (or
 * their account being disabled) show without a reload. Accounts are few: one look at the whole
 * table every few seconds for the process, while anyone watches, serves every open page.
 */
import type { Database } from "@flowcraft/db";
import { PolledFeed, type Logger } from "@flowcraft/runtime";

/** How often the feed looks at the accounts while anyone watches. */
export const ACCOUNT_CHANGES_INTERVAL_MS = 2_000;

export class AccountChanges {
  /** What each account was at the latest look: its roles, groups and whether it is disabled. */
  private latest = new Map<string, string>();
  private readonly feed: PolledFeed<{ username: string }>;

  constructor(db: Database, log?: Logger) {
    this.feed = new PolledFeed({
      ...(log ? { log } : {}),
      intervalMs: ACCOUNT_CHANGES_INTERVAL_MS,
      what: "account",
      look: async () => {
        const { rows } = await db.pool.query<{ username: string; state: string }>(
          "SELECT username, concat_ws('|', array_to_string(roles, ','), array_to_string(groups, ','), disabled_at IS NOT NULL) AS state FROM account",
        );
        const next = new Map(rows.map((row) => [row.username, row.state]));
        // An account seen for the first time is not a change: nobody's page knew it otherwise.
        const changed = [...next].filter(([username, state]) => this.latest.has(username) && this.latest.get(username) !== state);
        this.latest = next;
        return changed.map(([username]) => ({ username }));
      },
    });
  }

  /**
   * Yields at once, so that a page (re)connecting catches up on what it missed, and then whenever
   * this account's roles, groups or disabled state change. A caller without an account (an API
   * token) hears only the first.
   */
  async *watch(username: string, signal: AbortSignal | undefined): AsyncGenerator<{ username: string }> {
    yield* this.feed.watch(signal, { first: { username }, wanted: (change) => change.username === username });
  }
}
