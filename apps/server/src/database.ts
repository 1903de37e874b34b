/** Opens the configured database (or the embedded one) and brings its schema up to date. */
import { join } from "node:path";
import { connect, migrate, startEmbeddedPostgres, type Database } from "@flowcraft/db";
import type { Config } from "./config.ts";

export interface OpenDatabase extends Database {
  embedded: boolean;
}

export async function openDatabase(config: Pick<Config, "databaseUrl" | "dataDir">): Promise<OpenDatabase> {
  if (config.databaseUrl) {
    const db = connect(config.databaseUrl);
    await migrate(db.pool);
    return { ...db, embedded: false };
  }
  const embedded = await startEmbeddedPostgres(join(config.dataDir, "pglite"));
  const db = connect(embedded.url, { embedded: true });
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
