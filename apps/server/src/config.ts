/** Server settings from the environment; every variable is documented in the README. */
import { isIP } from "node:net";
import { resolve } from "node:path";
import { DEFAULT_RETENTION_DAYS, HttpAllowlist, MAX_RETENTION_DAYS } from "@flowcraft/runtime";
import { LOG_LEVELS, type LogLevel } from "./logging.ts";
import type { TracingConfig } from "./tracing.ts";

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
  /** Days ended instances, and the generations monitors leave behind, are kept unless their workflow says otherwise; 0: for ever. */
  retentionDays: number;
  /** Largest request body in bytes. */
  bodyLimitBytes: number;
  /** Non-public hosts, addresses and CIDR ranges the `http` activity may reach. */
  httpAllow: string[];
  /** FLOWCRAFT_SECRETS_KEY, when set; otherwise a key file in `dataDir` (see secrets-key.ts). */
  secretsKey: string | undefined;
  /** The least severe log lines written. */
  logLevel: LogLevel;
  /** OpenTelemetry traces: off unless an OTLP endpoint is set. */
  tracing: TracingConfig;
  /** Which proxies in front of the server to believe about the client's address (see `trustProxy`). */
  trustProxy: TrustProxy;
  /** Built web app to serve, if it exists. */
  webDistDir: string;
  /** The bearer token that opens GET /metrics; metrics are not served without it. */
  metricsToken: string | undefined;
  /** Port on which `pnpm worker` serves its own /metrics (and health), when there is a metrics token. */
  workerMetricsPort: number;
}

/**
 * Fastify's `trustProxy`: false takes the address the connection comes from; true believes every
 * X-Forwarded-For entry; a list believes the proxies at those addresses.
 */
export type TrustProxy = boolean | string[];

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

function logLevel(name: string): LogLevel {
  const raw = (process.env[name] || "info").toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(raw)) throw new Error(`${name} must be one of ${LOG_LEVELS.join(", ")}, got "${process.env[name]}"`);
  return raw as LogLevel;
}

/** An http(s) URL, when set. */
function endpoint(name: string): string | undefined {
  const raw = process.env[name]?.trim();
  if (!raw) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (url?.protocol !== "http:" && url?.protocol !== "https:") throw new Error(`${name} must be an http or https URL, got "${raw}"`);
  return raw;
}

/** An IPv4 or IPv6 address, or a CIDR range of them. */
function isAddressOrRange(entry: string): boolean {
  const [address = "", bits, ...rest] = entry.split("/");
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
}

function trustProxy(name: string): TrustProxy {
  const raw = (process.env[name] ?? "").trim();
  if (raw === "" || raw.toLowerCase() === "false") return false;
  if (raw.toLowerCase() === "true") return true;
  const entries = raw.split(",").map((entry) => entry.trim()).filter((entry) => entry !== "");
  const wrong = entries.find((entry) => !isAddressOrRange(entry));
  if (wrong !== undefined) throw new Error(`${name} must be true, false, or IP addresses and CIDR ranges; "${wrong}" is none of these`);
  return entries;
}

/** Long enough that guessing it is hopeless: the endpoint has no limit on wrong tries. */
const MIN_METRICS_TOKEN_LENGTH = 16;

function metricsToken(name: string): string | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return undefined;
  if (raw.length < MIN_METRICS_TOKEN_LENGTH || /\s/.test(raw)) {
    throw new Error(`${name} must be at least ${MIN_METRICS_TOKEN_LENGTH} characters without spaces (openssl rand -hex 32 makes one)`);
  }
  return raw;
}

function tracing(): TracingConfig {
  // Both are checked, so that a bad one is reported; the exporter prefers the traces-only one.
  const general = endpoint("OTEL_EXPORTER_OTLP_ENDPOINT");
  const traces = endpoint("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT");
  return { endpoint: traces ?? general, serviceName: process.env.OTEL_SERVICE_NAME?.trim() || "flowcraft" };
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
    retentionDays: integer("FLOWCRAFT_RETENTION_DAYS", DEFAULT_RETENTION_DAYS, 0, MAX_RETENTION_DAYS),
    bodyLimitBytes: integer("FLOWCRAFT_BODY_LIMIT_BYTES", 2 * 1024 * 1024, 1024, 64 * 1024 * 1024),
    httpAllow: hosts("FLOWCRAFT_HTTP_ALLOW"),
    secretsKey: process.env.FLOWCRAFT_SECRETS_KEY || undefined,
    trustProxy: trustProxy("FLOWCRAFT_TRUST_PROXY"),
    logLevel: logLevel("FLOWCRAFT_LOG_LEVEL"),
    tracing: tracing(),
    webDistDir: resolve(import.meta.dirname, "../../web/dist"),
    metricsToken: metricsToken("FLOWCRAFT_METRICS_TOKEN"),
    workerMetricsPort: integer("FLOWCRAFT_WORKER_METRICS_PORT", 9464, 0, 65_535),
  };
}
