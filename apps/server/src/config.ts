/** Server settings from the environment; every variable is documented in the README. */
import { resolve } from "node:path";
import { HttpAllowlist } from "@flowcraft/runtime";

export interface Config {
  port: number;
  host: string;
  /** Postgres to use; when absent, the embedded PGlite under `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** Run a worker inside the server process. */
  inProcessWorker: boolean;
  /** Publish the example workflows that do not exist yet, at start-up. */
  seedExamples: boolean;
  /** Largest request body in bytes. */
  bodyLimitBytes: number;
  /** Non-public hosts, addresses and CIDR ranges the `http` activity may reach. */
  httpAllow: string[];
  /** FLOWCRAFT_SECRETS_KEY, when set; otherwise a key file in `dataDir` (see secrets-key.ts). */
  secretsKey: string | undefined;
  /** Built web app to serve, if it exists. */
  webDistDir: string;
}

function integer(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function flag(name: string, fallback: boolean): boolean {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  if (["1", "true", "yes"].includes(raw.toLowerCase())) return true;
  if (["0", "false", "no"].includes(raw.toLowerCase())) return false;
  throw new Error(`${name} must be true or false, got "${raw}"`);
}

/** A comma-separated list of hosts, IP addresses and CIDR ranges. */
function hosts(name: string): string[] {
  const entries = (process.env[name] ?? "").split(",").map((entry) => entry.trim()).filter((entry) => entry !== "");
  try {
    HttpAllowlist.parse(entries);
  } catch (error) {
    throw new Error(`${name}: ${(error as Error).message}`);
  }
  return entries;
}

export function loadConfig(): Config {
  return {
    port: integer("PORT", 3000, 0, 65_535),
    host: process.env.HOST || "127.0.0.1",
    databaseUrl: process.env.DATABASE_URL || undefined,
    // Relative to where the command was typed: pnpm runs the server inside apps/server.
    dataDir: resolve(process.env.INIT_CWD ?? process.cwd(), process.env.FLOWCRAFT_DATA_DIR || ".data"),
    inProcessWorker: flag("FLOWCRAFT_WORKER", true),
    seedExamples: flag("FLOWCRAFT_SEED_EXAMPLES", true),
    bodyLimitBytes: integer("FLOWCRAFT_BODY_LIMIT_BYTES", 2 * 1024 * 1024, 1024, 64 * 1024 * 1024),
    httpAllow: hosts("FLOWCRAFT_HTTP_ALLOW"),
    secretsKey: process.env.FLOWCRAFT_SECRETS_KEY || undefined,
    webDistDir: resolve(import.meta.dirname, "../../web/dist"),
  };
}
