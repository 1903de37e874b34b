/** `pnpm start`: the Flowcraft server with its in-process worker. */
import { Approvals, BulkJobs, Drafts, ExpressionSandbox, Instances, Schedules, Webhooks, Worker, Workflows, WorkflowRetention, Secrets } from "@flowcraft/runtime";
import { accessServices } from "./accounts/services.ts";
import { loadSecretsKey } from "./secrets-key.ts";
import { buildApp } from "./app.ts";
import { bulkPerformer } from "./bulk/bulk-actions.ts";
import { loadConfig } from "./config.ts";
import { openDatabase } from "./database.ts";
import { seedExamples } from "./examples/index.ts";
import { processMetrics } from "./operations/process-metrics.ts";
import { deployedWorkerOptions } from "./worker-options.ts";
import { createLogger } from "./logging.ts";
import { startTracing } from "./tracing.ts";

const config = loadConfig();
const log = createLogger({ level: config.logLevel });
const tracing = await startTracing(config.tracing);
// The host only: an endpoint URL may carry credentials.
if (tracing) log.info({ collector: new URL(config.tracing.endpoint!).host, serviceName: config.tracing.serviceName }, "traces: on");
const db = await openDatabase(config, log);
log.info(db.embedded ? `database: embedded PGlite in ${config.dataDir}` : "database: DATABASE_URL");

const workflows = new Workflows(db);
const instances = new Instances(db, { logger: log });
const drafts = new Drafts(db);
const secrets = new Secrets(db, loadSecretsKey(config.secretsKey, config.dataDir));
if (config.seedExamples) {
  const published = await seedExamples(db, workflows);
  if (published.length > 0) log.info(`published example workflows: ${published.join(", ")}`);
}

const approvals = new Approvals(db);
const access = accessServices(db, secrets, undefined, log);
const bulkActions = bulkPerformer({ instances, approvals, audit: access.audit });
const metrics = processMetrics(db);
const worker = config.inProcessWorker ? new Worker(db, deployedWorkerOptions(config, { secrets, log, metrics, bulkActions, tracing })) : null;
const webhooks = new Webhooks(db, instances, secrets);
// Input expressions of runs started by hand (trigger, backfill) run in a sandbox of the API's own, as a worker's do.
const apiSandbox = new ExpressionSandbox();
const schedules = new Schedules(db, instances, { evaluate: apiSandbox.evaluate });
const retention = new WorkflowRetention(db, config.retentionDays);
const app = await buildApp({
  workflows,
  drafts,
  instances,
  schedules,
  approvals,
  webhooks,
  retention,
  bulkJobs: new BulkJobs(db, instances),
  access,
  bodyLimitBytes: config.bodyLimitBytes,
  trustProxy: config.trustProxy,
  webDistDir: config.webDistDir,
  log,
  pool: db.pool,
  metrics: { registry: metrics.registry, token: config.metricsToken },
  ...(tracing ? { tracer: tracing.tracer } : {}),
});
const address = await app.listen({ port: config.port, host: config.host });
// Only now: whatever an instance's turn does to this worker, the API is already up to steer it.
await worker?.start();
log.info({ address }, `Flowcraft is running at ${address}`);
if (await access.accounts.needsSetup()) log.info(`no accounts yet: open ${address} to create the owner account`);
// Expired sessions are refused anyway; sweeping only keeps the table small.
const SWEEP_MS = 60 * 60 * 1000;
await access.sessions.sweep();
setInterval(() => void access.sessions.sweep().catch((error: unknown) => log.error({ err: error }, "sweeping expired sessions failed")), SWEEP_MS).unref();

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info(`${signal}: stopping`);
  await app.close();
  await worker?.stop();
  apiSandbox.close();
  await db.close();
  await tracing?.shutdown();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
