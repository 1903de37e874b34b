/**
 * Gauges read when scraped, never on the hot path: queue depths and open waits with one cheap
 * statement, the connection pool from its counters. A scrape while the database is down leaves
 * the database gauges out rather than failing the whole scrape.
 */
import type { Database } from "@flowcraft/db";
import { Gauge, type Registry } from "prom-client";

interface Depths {
  inbox: number;
  tasks: Array<{ activity: string; count: number }>;
  waits: Array<{ kind: string; count: number }>;
}

/** One statement for all the depth gauges of a scrape (prom-client collects each gauge on its own). */
function depthReader(db: Database) {
  let pending: Promise<Depths | null> | null = null;
  return () => {
    pending ??= db.pool
      .query<{ inbox: number; tasks: Depths["tasks"]; waits: Depths["waits"] }>(
        `SELECT (SELECT count(*) FROM inbox_message WHERE visible_at <= now())::int AS inbox,
                (SELECT coalesce(jsonb_agg(jsonb_build_object('activity', activity, 'count', n)), '[]'::jsonb)
                 FROM (SELECT activity, count(*)::int AS n FROM activity_task WHERE visible_at <= now() GROUP BY activity) t) AS tasks,
                (SELECT coalesce(jsonb_agg(jsonb_build_object('kind', kind, 'count', n)), '[]'::jsonb)
                 FROM (SELECT kind, count(*)::int AS n FROM open_wait GROUP BY kind) w) AS waits`,
      )
      .then(({ rows }) => rows[0]!)
      .catch(() => null)
      .finally(() => setImmediate(() => (pending = null)));
    return pending;
  };
}

export function registerDatabaseGauges(registry: Registry, db: Database) {
  // First: a scrape collects in registration order, so the pool is read before the scrape's own query waits in it.
  const { pool } = db;
  new Gauge({
    name: "flowcraft_db_pool_connections",
    help: "Connections of this process's database pool, by state: idle, or in use by a query.",
    labelNames: ["state"],
    registers: [registry],
    collect() {
      this.set({ state: "idle" }, pool.idleCount);
      this.set({ state: "in_use" }, pool.totalCount - pool.idleCount);
    },
  });
  new Gauge({
    name: "flowcraft_db_pool_max_connections",
    help: "Most connections this process's pool opens.",
    registers: [registry],
    collect() {
      this.set(pool.options.max ?? 10);
    },
  });
  new Gauge({
    name: "flowcraft_db_pool_waiting_requests",
    help: "Queries of this process waiting for a free connection.",
    registers: [registry],
    collect() {
      this.set(pool.waitingCount);
    },
  });

  const depths = depthReader(db);
  new Gauge({
    name: "flowcraft_inbox_depth",
    help: "Inbox messages visible and waiting for a turn (due timers included, timers not yet due left out).",
    registers: [registry],
    async collect() {
      const read = await depths();
      this.reset();
      if (read) this.set(read.inbox);
    },
  });
  new Gauge({
    name: "flowcraft_task_queue_depth",
    help: "Activity tasks visible and waiting for a worker, by activity (running ones left out).",
    labelNames: ["activity"],
    registers: [registry],
    async collect() {
      const read = await depths();
      this.reset();
      for (const { activity, count } of read?.tasks ?? []) this.set({ activity }, count);
    },
  });
  const waitKinds = ["event", "approval", "timer"];
  new Gauge({
    name: "flowcraft_open_waits",
    help: "What running instances wait on, by kind: event waits, approvals and timers of their own.",
    labelNames: ["kind"],
    registers: [registry],
    async collect() {
      const read = await depths();
      this.reset();
      if (!read) return;
      for (const kind of waitKinds) this.set({ kind }, read.waits.find((w) => w.kind === kind)?.count ?? 0);
    },
  });
  new Gauge({
    name: "flowcraft_open_approvals",
    help: "Approvals waiting for a decision.",
    registers: [registry],
    async collect() {
      const read = await depths();
      this.reset();
      if (read) this.set(read.waits.find((w) => w.kind === "approval")?.count ?? 0);
    },
  });

}
