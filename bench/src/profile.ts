/**
 * BENCH_PROFILE=1: where a run's time goes, from the client side. Every statement of the process
 * (runtime, Prisma and bench alike) is counted and timed by wrapping the pg client's `query`;
 * the process's CPU time and event-loop use, next to its database backends' and the whole
 * machine's, show whether Node, the database or the machine is the limit.
 */
import { readFileSync } from "node:fs";
import { cpus } from "node:os";
import { performance, type EventLoopUtilization } from "node:perf_hooks";
import type { Database } from "@flowcraft/db";
import type { MeasuredWindow } from "./drive.ts";

interface StatementStats {
  calls: number;
  ms: number;
  rows: number;
}

interface TableWrites {
  inserted: number;
  updated: number;
  hot: number;
  deleted: number;
}

const rowsWritten = (w: TableWrites) => w.inserted + w.updated + w.deleted;

type QueryFunction = (this: unknown, ...args: unknown[]) => unknown;

/** Characters of a statement's text that name it in the report. */
const LABEL_LENGTH = 90;
/**
 * The prepared statement that stores a batch of turns in one round trip (orchestrator-sql.ts):
 * each of its calls is timed on its own, for the store's share of a step. PGlite runs it unnamed,
 * so its calls are not told apart there.
 */
const STORE_TURNS_STATEMENT = "flowcraft_store_turns";

export class Profiler {
  private readonly statements = new Map<string, StatementStats>();
  private began = 0;
  private cpu: NodeJS.CpuUsage = process.cpuUsage();
  private loop: EventLoopUtilization = performance.eventLoopUtilization();
  private machine = machineTimes();
  private backends = new Map<number, number>();
  /** Where the write-ahead log stood when the measurement began. */
  private walLsn: string | null = null;
  private tableWrites = new Map<string, TableWrites>();
  private poolSamples = 0;
  private poolWaiting = 0;
  private poolWaitingMax = 0;
  /** Each store of turns: when it returned (ms since the epoch) and how long it took. */
  private stores: Array<{ at: number; ms: number }> = [];

  private constructor(private readonly db: Database) {}

  /** Wraps `query` of the pg client class the pool uses: every connection goes through it. */
  static async install(db: Database): Promise<Profiler> {
    const profiler = new Profiler(db);
    const client = await db.pool.connect();
    const proto = Object.getPrototypeOf(client) as { query: QueryFunction };
    client.release();
    const original = proto.query;
    proto.query = function (this: unknown, ...args: unknown[]) {
      const first = args[0];
      const text = typeof first === "string" ? first : ((first as { text?: unknown } | null)?.text ?? "");
      if (typeof text !== "string" || text === "") return original.apply(this, args);
      const name = typeof first === "string" ? undefined : (first as { name?: unknown } | null)?.name;
      const began = performance.now();
      const done = (result: unknown) => profiler.record(text, name, performance.now() - began, result);
      const last = args.at(-1);
      if (typeof last === "function") {
        args[args.length - 1] = function (this: unknown, error: unknown, result: unknown) {
          done(result);
          return (last as (...a: unknown[]) => unknown).call(this, error, result);
        };
        return original.apply(this, args);
      }
      const result = original.apply(this, args);
      if (result instanceof Promise) result.then(done, () => done(undefined));
      return result;
    };
    return profiler;
  }

  /** Starts a new measurement (after the warm-up). */
  async reset() {
    this.backends = await this.backendCpu();
    this.walLsn = await this.currentWalLsn();
    this.tableWrites = await this.readTableWrites();
    this.statements.clear();
    this.stores = [];
    this.began = performance.now();
    this.cpu = process.cpuUsage();
    this.loop = performance.eventLoopUtilization();
    this.machine = machineTimes();
    this.poolSamples = this.poolWaiting = this.poolWaitingMax = 0;
  }

  /** Notes how many queries wait for a pooled connection: a full pool is a bottleneck of its own. */
  samplePool() {
    const waiting = this.db.pool.waitingCount;
    this.poolSamples++;
    this.poolWaiting += waiting;
    this.poolWaitingMax = Math.max(this.poolWaitingMax, waiting);
  }

  async report(title: string): Promise<string> {
    const wallMs = performance.now() - this.began;
    const cpu = process.cpuUsage(this.cpu);
    const loop = performance.eventLoopUtilization(this.loop);
    const machine = machineTimes();
    const machineBusy = (machine.busy - this.machine.busy) / Math.max(1, machine.total - this.machine.total);
    const rows = [...this.statements.entries()].sort((a, b) => b[1].ms - a[1].ms);
    const backends = await this.backendCpu();
    const backendMs = [...backends].reduce((sum, [pid, ms]) => sum + ms - (this.backends.get(pid) ?? 0), 0);
    const totalCalls = rows.reduce((n, [, s]) => n + s.calls, 0);
    const walBytes = await this.walBytesSince(this.walLsn);
    const writes = await this.tableWritesSince(this.tableWrites);
    const lines = [
      `--- profile: ${title}`,
      `wall ${wallMs.toFixed(0)} ms; node cpu (this process) ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms ` +
        `(${((cpu.user + cpu.system) / 10 / wallMs).toFixed(0)}% of one core); event loop busy ${(loop.utilization * 100).toFixed(0)}%`,
      backends.size > 0
        ? `database backends of this run's database: cpu ${backendMs.toFixed(0)} ms (${(backendMs / wallMs * 100).toFixed(0)}% of one core)`
        : "database backends: cpu not readable (the database is not on this machine, or not Linux)",
      // The whole server's log, other databases' writes included: run on a quiet server.
      walBytes === null
        ? "write-ahead log: not readable"
        : `write-ahead log: ${(walBytes / 2 ** 20).toFixed(1)} MB (${(walBytes / 2 ** 20 / (wallMs / 1000)).toFixed(1)} MB/s)`,
      `machine: ${(machineBusy * 100).toFixed(0)}% busy of ${cpus().length} cores (the database included, when local)`,
      `pool: ${this.db.pool.totalCount} connections; waiting queries mean ${(this.poolWaiting / Math.max(1, this.poolSamples)).toFixed(1)}, max ${this.poolWaitingMax}`,
      "rows written, by table (backends report theirs about once a second: the last second may be missing):",
      `${"inserted".padStart(10)} ${"updated".padStart(9)} ${"of them hot".padStart(11)} ${"deleted".padStart(9)}  table`,
      ...writes.map(
        ([table, w]) =>
          `${String(w.inserted).padStart(10)} ${String(w.updated).padStart(9)} ${String(w.hot).padStart(11)} ${String(w.deleted).padStart(9)}  ${table}`,
      ),
      `${totalCalls} statements:`,
      `${"calls".padStart(7)} ${"total ms".padStart(9)} ${"mean ms".padStart(8)} ${"rows/call".padStart(9)}  statement`,
      ...rows.map(
        ([label, s]) =>
          `${String(s.calls).padStart(7)} ${s.ms.toFixed(0).padStart(9)} ${(s.ms / s.calls).toFixed(2).padStart(8)} ${(s.rows / s.calls).toFixed(1).padStart(9)}  ${label}`,
      ),
    ];
    return lines.join("\n");
  }

  /**
   * Where an activity step's time goes, from the times in history (all stamped by this process,
   * to the millisecond): scheduled -> started is the task queue (store, wake, claim); started ->
   * completed is the activity; completed -> the next decision is reporting the result and the
   * next turn. Beside them, each store of turns as the client timed it: the part of a step's
   * queueing and reporting that is the database's write. Steps of a steady run count when they
   * completed inside its window, and the stores those that returned inside it.
   */
  async stepLatencies(prefix: string, window: MeasuredWindow | null): Promise<string> {
    const { rows } = await this.db.pool.query(
      `WITH h AS (
         SELECT instance_id, generation, type, at, data->>'activityId' AS activity_id, (data->>'startedAt')::timestamptz AS attempt_started,
                -- A window, not a correlated subquery: that one rescans the history per step.
                min(at) FILTER (WHERE type NOT IN ('activity_completed', 'activity_failed'))
                  OVER (PARTITION BY instance_id ORDER BY seq ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING) AS next_decision
         FROM history_event WHERE starts_with(instance_id, $1)),
       -- One pass grouped by step: self-joins of the history run for minutes on a large run.
       steps AS (
         SELECT min(at) FILTER (WHERE type = 'activity_scheduled') AS scheduled,
                min(attempt_started) AS started,
                min(at) FILTER (WHERE type = 'activity_completed') AS completed,
                min(next_decision) FILTER (WHERE type = 'activity_completed') AS next_decision
         FROM h WHERE activity_id IS NOT NULL
         GROUP BY instance_id, generation, activity_id),
       ms AS (
         SELECT extract(epoch FROM started - scheduled) * 1000 AS queued,
                extract(epoch FROM completed - started) * 1000 AS ran,
                extract(epoch FROM next_decision - completed) * 1000 AS reported
         FROM steps WHERE completed >= coalesce($2::timestamptz, '-infinity') AND completed < coalesce($3::timestamptz, 'infinity'))
       SELECT count(*)::int AS steps,
              avg(queued) AS queued, percentile_cont(ARRAY[0.5, 0.99]) WITHIN GROUP (ORDER BY queued) AS queued_p,
              avg(ran) AS ran, percentile_cont(ARRAY[0.5, 0.99]) WITHIN GROUP (ORDER BY ran) AS ran_p,
              avg(reported) AS reported, percentile_cont(ARRAY[0.5, 0.99]) WITHIN GROUP (ORDER BY reported) AS reported_p
       FROM ms`,
      [prefix, window?.from ?? null, window?.to ?? null],
    );
    // avg() of extract() is numeric, which pg returns as a string.
    type Mean = string | null;
    const r = rows[0] as { steps: number; queued: Mean; queued_p: number[] | null; ran: Mean; ran_p: number[] | null; reported: Mean; reported_p: number[] | null };
    const part = (mean: Mean, p: number[] | null) => `${f(mean === null ? null : Number(mean))} / ${f(p?.[0])} / ${f(p?.[1])}`;
    const inWindow = window ? this.stores.filter(({ at }) => at >= window.from.getTime() && at < window.to.getTime()) : this.stores;
    const store = inWindow.length > 0 ? inWindow.map(({ ms }) => ms) : null;
    return [
      `where a step's time goes (${r.steps} steps; mean / p50 / p99 ms):`,
      `  queued     (scheduled -> started)           ${part(r.queued, r.queued_p)}`,
      `  ran        (started -> completed)           ${part(r.ran, r.ran_p)}`,
      `  reported   (completed -> next decision)     ${part(r.reported, r.reported_p)}`,
      store
        ? `  turn store (one ${STORE_TURNS_STATEMENT} call; ${store.length} calls) ${f(mean(store))} / ${f(quantile(store, 0.5))} / ${f(quantile(store, 0.99))}`
        : `  turn store: not timed (no ${STORE_TURNS_STATEMENT} call was seen; PGlite runs statements unnamed)`,
    ].join("\n");
  }

  /** Null where the log cannot be read (the embedded database). */
  private async currentWalLsn(): Promise<string | null> {
    const { rows } = await this.db.pool.query<{ lsn: string }>("SELECT pg_current_wal_lsn()::text AS lsn").catch(() => ({ rows: [] }));
    return rows[0]?.lsn ?? null;
  }

  private async walBytesSince(lsn: string | null): Promise<number | null> {
    if (lsn === null) return null;
    const { rows } = await this.db.pool.query<{ bytes: string }>("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), $1::pg_lsn)::text AS bytes", [lsn]);
    return Number(rows[0]!.bytes);
  }

  /**
   * Rows each table of this database had written: a HOT update writes no index entries, so the
   * share of updates that are HOT tells how much index upkeep a step costs.
   */
  private async readTableWrites(): Promise<Map<string, TableWrites>> {
    const { rows } = await this.db.pool.query<{ relname: string; ins: string; upd: string; hot: string; del: string }>(
      "SELECT relname, n_tup_ins AS ins, n_tup_upd AS upd, n_tup_hot_upd AS hot, n_tup_del AS del FROM pg_stat_user_tables",
    ).catch(() => ({ rows: [] }));
    return new Map(rows.map((r) => [r.relname, { inserted: Number(r.ins), updated: Number(r.upd), hot: Number(r.hot), deleted: Number(r.del) }]));
  }

  /** The tables written since `before`, the most rows first. */
  private async tableWritesSince(before: Map<string, TableWrites>): Promise<Array<[string, TableWrites]>> {
    const now = await this.readTableWrites();
    const zero: TableWrites = { inserted: 0, updated: 0, hot: 0, deleted: 0 };
    return [...now]
      .map(([table, w]): [string, TableWrites] => {
        const b = before.get(table) ?? zero;
        return [table, { inserted: w.inserted - b.inserted, updated: w.updated - b.updated, hot: w.hot - b.hot, deleted: w.deleted - b.deleted }];
      })
      .filter(([, w]) => rowsWritten(w) > 0)
      .sort((a, b) => rowsWritten(b[1]) - rowsWritten(a[1]));
  }

  /**
   * CPU time (ms) of the server processes serving this database, read from /proc: only when the
   * database runs on this machine. The embedded PGlite runs inside this process instead.
   */
  private async backendCpu(): Promise<Map<number, number>> {
    const cpu = new Map<number, number>();
    const { rows } = await this.db.pool.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = current_database()");
    for (const { pid } of rows) {
      try {
        // A process of this machine with the same pid is not necessarily the server's.
        if (readFileSync(`/proc/${pid}/comm`, "utf8").trim() !== "postgres") continue;
        // Fields after the command name: state is the 1st, utime the 12th, stime the 13th (clock ticks of 10 ms).
        const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
        cpu.set(pid, (Number(fields[11]) + Number(fields[12])) * 10);
      } catch {
        // Not a process of this machine.
      }
    }
    return cpu;
  }

  private record(text: string, name: unknown, ms: number, result: unknown) {
    if (name === STORE_TURNS_STATEMENT) this.stores.push({ at: Date.now(), ms });
    const label = text.replace(/\s+/g, " ").trim().slice(0, LABEL_LENGTH);
    const stats = this.statements.get(label) ?? { calls: 0, ms: 0, rows: 0 };
    stats.calls++;
    stats.ms += ms;
    stats.rows += (result as { rowCount?: number | null } | undefined)?.rowCount ?? 0;
    this.statements.set(label, stats);
  }
}

const f = (v: number | null | undefined) => (v === null || v === undefined ? "-" : v.toFixed(1));

function mean(values: number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** The q-quantile by linear interpolation, as percentile_cont computes it. */
function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const below = Math.floor(at);
  const above = Math.min(sorted.length - 1, below + 1);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (at - below);
}

/** CPU time of all cores since boot, in ms: busy is everything but idle. */
function machineTimes(): { busy: number; total: number } {
  let busy = 0;
  let total = 0;
  for (const { times } of cpus()) {
    const all = times.user + times.nice + times.sys + times.irq + times.idle;
    total += all;
    busy += all - times.idle;
  }
  return { busy, total };
}
