/** `pnpm worker`: an extra worker process against the same Postgres as the server. */
import { connect, migrate } from "@flowcraft/db";
import { Secrets, Worker } from "@flowcraft/runtime";
import { loadConfig } from "./config.ts";
import { exampleRegistry } from "./examples/index.ts";
import { loadSecretsKey } from "./secrets-key.ts";
import { processMetrics } from "./operations/process-metrics.ts";
import { workerEndpoint } from "./operations/worker-endpoint.ts";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("pnpm worker needs DATABASE_URL: extra workers share a Postgres with the server (the embedded database serves the server process only)");
  process.exit(2);
}
const db = connect(url);
await migrate(db.pool);
const config = loadConfig();
const secrets = new Secrets(db, loadSecretsKey(config.secretsKey, config.dataDir));
const metrics = processMetrics(db);
const worker = new Worker(db, { activities: exampleRegistry(), httpAllow: config.httpAllow, secrets, retentionDays: config.retentionDays, metrics: metrics.runtime });
await worker.start();
console.log(`worker ${worker.id} running activities: ${worker.activityNames.join(", ")}`);
// Its metrics are its own (a server's /metrics shows only the server's process): served when a token can guard them.
const endpoint = config.metricsToken ? await workerEndpoint(db.pool, metrics.registry, config.metricsToken) : null;
if (endpoint) console.log(`metrics and health at ${await endpoint.listen({ port: config.workerMetricsPort, host: config.host })}/metrics`);

async function shutdown() {
  await endpoint?.close();
  await worker.stop();
  await db.close();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown());
process.on("SIGTERM", () => void shutdown());
