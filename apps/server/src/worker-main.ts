/** `pnpm worker`: an extra worker process against the same Postgres as the server. */
import { connect, migrate } from "@flowcraft/db";
import { Approvals, Instances, Secrets, Worker } from "@flowcraft/runtime";
import { AuditLog } from "./accounts/audit.ts";
import { warnAboutMaintenance } from "./database.ts";
import { bulkPerformer } from "./bulk/bulk-actions.ts";
import { loadConfig } from "./config.ts";
import { createLogger } from "./logging.ts";
import { loadSecretsKey } from "./secrets-key.ts";
import { processMetrics } from "./operations/process-metrics.ts";
import { deployedWorkerOptions } from "./worker-options.ts";
import { workerEndpoint } from "./operations/worker-endpoint.ts";
import { startTracing } from "./tracing.ts";

const config = loadConfig();
const log = createLogger({ level: config.logLevel });
const url = process.env.DATABASE_URL;
if (!url) {
  log.fatal("pnpm worker needs DATABASE_URL: extra workers share a Postgres with the server (the embedded database serves the server process only)");
  process.exit(2);
}
const tracing = await startTracing(config.tracing);
const db = connect(url, { onConnectionError: (error) => log.error({ err: error }, `database connection error: ${error.message}`) });
await migrate(db.pool);
await warnAboutMaintenance(db, log);
const secrets = new Secrets(db, loadSecretsKey(config.secretsKey, config.dataDir));
// Bulk jobs act through the same audited operations as the server's API.
const bulkActions = bulkPerformer({ instances: new Instances(db), approvals: new Approvals(db), audit: new AuditLog(db) });
const metrics = processMetrics(db);
const worker = new Worker(db, deployedWorkerOptions(config, { secrets, log, metrics, bulkActions, tracing }));
await worker.start();
log.info({ worker: worker.id, activities: worker.activityNames }, `worker ${worker.id} running activities: ${worker.activityNames.join(", ")}`);
// Its metrics are its own (a server's /metrics shows only the server's process): served when a token can guard them.
const endpoint = config.metricsToken ? await workerEndpoint(db.pool, metrics.registry, config.metricsToken) : null;
if (endpoint) log.info(`metrics and health at ${await endpoint.listen({ port: config.workerMetricsPort, host: config.host })}/metrics`);

async function shutdown() {
  await endpoint?.close();
  await worker.stop();
  await db.close();
  await tracing?.shutdown();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown());
process.on("SIGTERM", () => void shutdown());
