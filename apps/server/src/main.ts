/** `pnpm start`: the Flowcraft server with its in-process worker. */
import { Approvals, BulkJobs, Drafts, ExpressionSandbox, Instances, Schedules, Webhooks, Worker, Workflows, Secrets } from "@flowcraft/runtime";
import { accessServices } from "./accounts/services.ts";
import { loadSecretsKey } from "./secrets-key.ts";
import { buildApp } from "./app.ts";
import { bulkPerformer } from "./bulk/bulk-actions.ts";
import { loadConfig } from "./config.ts";
import { openDatabase } from "./database.ts";
import { exampleRegistry, seedExamples } from "./examples/index.ts";

const config = loadConfig();
const db = await openDatabase(config);
console.log(db.embedded ? `database: embedded PGlite in ${config.dataDir}` : "database: DATABASE_URL");

const workflows = new Workflows(db);
const instances = new Instances(db);
const drafts = new Drafts(db);
const secrets = new Secrets(db, loadSecretsKey(config.secretsKey, config.dataDir));
if (config.seedExamples) {
  const published = await seedExamples(db, workflows);
  if (published.length > 0) console.log(`published example workflows: ${published.join(", ")}`);
}

const approvals = new Approvals(db);
const access = accessServices(db, secrets);
const bulkActions = bulkPerformer({ instances, approvals, audit: access.audit });
const worker = config.inProcessWorker
  ? new Worker(db, { activities: exampleRegistry(), httpAllow: config.httpAllow, secrets, generationRetentionSeconds: config.generationRetentionSeconds, bulkActions })
  : null;
const webhooks = new Webhooks(db, instances, secrets);
// Input expressions of runs started by hand (trigger, backfill) run in a sandbox of the API's own, as a worker's do.
const apiSandbox = new ExpressionSandbox();
const schedules = new Schedules(db, instances, { evaluate: apiSandbox.evaluate });
const app = await buildApp({ workflows, drafts, instances, schedules, approvals, webhooks, bulkJobs: new BulkJobs(db, instances), access, bodyLimitBytes: config.bodyLimitBytes, trustProxy: config.trustProxy, webDistDir: config.webDistDir, log: { level: config.logLevel } });
const address = await app.listen({ port: config.port, host: config.host });
// Only now: whatever an instance's turn does to this worker, the API is already up to steer it.
await worker?.start();
console.log(`Flowcraft is running at ${address}`);
if (await access.accounts.needsSetup()) console.log(`no accounts yet: open ${address} to create the owner account`);
// Expired sessions are refused anyway; sweeping only keeps the table small.
const SWEEP_MS = 60 * 60 * 1000;
await access.sessions.sweep();
setInterval(() => void access.sessions.sweep().catch((error: unknown) => console.error(error)), SWEEP_MS).unref();

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: stopping`);
  await app.close();
  await worker?.stop();
  apiSandbox.close();
  await db.close();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
