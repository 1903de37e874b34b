/** Connections: one pg pool per process, shared by the hot-path SQL and the Prisma client. */
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/prisma/client.ts";

export type { PrismaClient };

export interface Database {
  pool: pg.Pool;
  prisma: PrismaClient;
  url: string;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** Most connections this process opens. */
  poolSize?: number;
  /**
   * The database is the embedded PGlite: it runs one statement stream at a time, so this process
   * uses a single connection (plus the one that only listens for notifications).
   */
  embedded?: boolean;
  /**
   * How long a query waits for a connection (a new one, or a busy pool's next free one) before it
   * fails; unset, it waits as long as it takes.
   */
  connectionTimeoutMs?: number;
  /** Hears an idle connection that lost its server (a restart); standard error when absent. */
  onConnectionError?: (error: Error) => void;
}

/** Postgres answers `bigint`/`numeric` as text by default; our ids and counts fit in a JS number. */
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/** Pools whose statements must stay unnamed (see `queryPrepared`). */
const unnamedOnly = new WeakSet<pg.Pool>();

/**
 * Runs a hot-path statement as a named prepared statement, so each connection parses and plans
 * it once. The embedded PGlite shares one backend among all connections, where statement names
 * of different connections would collide, so there it runs unnamed.
 */
export function queryPrepared<R extends pg.QueryResultRow = any>(pool: pg.Pool, name: string, text: string, values: unknown[]): Promise<pg.QueryResult<R>> {
  return pool.query<R>(unnamedOnly.has(pool) ? { text, values } : { name, text, values });
}

/**
 * Every statement of ours finds its rows through an index, and a sequential scan is never the
 * better plan for long. The planner picks one where a table looks small: on a fresh database,
 * and wherever ANALYZE has not run (autovacuum off, or not yet round), where it cannot tell that
 * history holds many instances' few events each nor that a queue table's pages are full of dead
 * rows. A prepared statement then keeps that plan for its connection's life, and a worker read
 * the whole history table for each instance it loaded. With sequential scans off, one is left
 * only where no index serves.
 *
 * A plan that cannot avoid one is priced at ten billion, which JIT takes for a huge query: it
 * compiled lookups of a few rows for a third of a second. Our statements are short, so JIT is
 * off; it never paid for them.
 */
export const PLANNER_SETTINGS = { enable_seqscan: "off", jit: "off" } as const;

/**
 * Sent with each connection's start-up, after any the URL's `options` holds (the embedded
 * database applies them itself: see embedded.ts).
 */
function startupOptions(url: string): string {
  const own = Object.entries(PLANNER_SETTINGS).map(([name, value]) => `-c ${name}=${value}`);
  const given = URL.canParse(url) ? new URL(url).searchParams.get("options") : null;
  return [...(given ? [given] : []), ...own].join(" ");
}

export function connect(url: string, options: DatabaseOptions = {}): Database {
  const pool = new pg.Pool({
    connectionString: url,
    options: startupOptions(url),
    max: options.embedded ? 1 : (options.poolSize ?? 10),
    ...(options.connectionTimeoutMs ? { connectionTimeoutMillis: options.connectionTimeoutMs } : {}),
  });
  if (options.embedded) unnamedOnly.add(pool);
  // An idle client that loses its server (a restart) must not crash the process.
  pool.on("error", options.onConnectionError ?? ((error) => console.error(`database connection error: ${error.message}`)));
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    pool,
    prisma,
    url,
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}
