/** The zero-setup default: PGlite (Postgres in WebAssembly) served on a loopback port. */
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { PLANNER_SETTINGS } from "./client.ts";

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

/**
 * PGlite runs one query at a time; the socket server queues the queries of several connections
 * and keeps a transaction's statements (and, patched, one query's protocol messages) together,
 * so separate processes can share it. NOTIFY does not cross connections here: every worker
 * falls back to polling for work from other processes.
 */
const EMBEDDED_MAX_CONNECTIONS = 32;

/** Starts PGlite on `dataDir` ("memory://" for a throwaway database) and serves it on 127.0.0.1. */
export async function startEmbeddedPostgres(dataDir: string, port = 0): Promise<EmbeddedPostgres> {
  if (!dataDir.startsWith("memory://")) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir);
  // Its one backend serves every connection, and takes no settings from their start-up.
  for (const [name, value] of Object.entries(PLANNER_SETTINGS)) await db.exec(`SET ${name} = ${value}`);
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port, maxConnections: EMBEDDED_MAX_CONNECTIONS });
  await server.start();
  const address = (server as unknown as { server?: { address(): { port: number } | string | null } }).server?.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  return {
    url: `postgresql://postgres@127.0.0.1:${actualPort}/postgres?sslmode=disable`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
