/** Opens the configured database (or the embedded one) and brings its schema up to date. */
import { join } from "node:path";
import { connect, maintenanceWarnings, migrate, startEmbeddedPostgres, type Database } from "@flowcraft/db";
import type { Logger } from "@flowcraft/runtime";
import type { Config } from "./config.ts";

export interface OpenDatabase extends Database {
  embedded: boolean;
}

/**
 * A request waits this long for a connection to Postgres, then is answered 503: a database host
 * that hangs must not hold every request (and its caller) for good. The embedded database runs in
 * this process and cannot hang so, while its single connection may be busy for a while.
 */
const CONNECTION_TIMEOUT_MS = 10_000;

export async function openDatabase(config: Pick<Config, "databaseUrl" | "dataDir">, log?: Logger): Promise<OpenDatabase> {
  const onConnectionError = log && ((error: Error) => log.error({ err: error }, `database connection error: ${error.message}`));
  if (config.databaseUrl) {
    const db = connect(config.databaseUrl, { connectionTimeoutMs: CONNECTION_TIMEOUT_MS, ...(onConnectionError ? { onConnectionError } : {}) });
    await migrate(db.pool);
    await warnAboutMaintenance(db, log);
    return { ...db, embedded: false };
  }
  const embedded = await startEmbeddedPostgres(join(config.dataDir, "pglite"));
  const db = connect(embedded.url, { embedded: true, ...(onConnectionError ? { onConnectionError } : {}) });
  await migrate(db.pool);
  return {
    ...db,
    embedded: true,
    async close() {
      await db.close();
      await embedded.stop();
    },
  };
}

/** A server or worker that will slow down for want of vacuuming says so once, as it starts. */
export async function warnAboutMaintenance(db: Database, log: Logger | undefined) {
  if (!log) return;
  for (const warning of await maintenanceWarnings(db.pool)) log.warn(warning);
}
