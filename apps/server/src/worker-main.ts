/** `pnpm worker`: an extra worker process against the same Postgres as the server. */
import { connect, migrate } from "@flowcraft/db";
import { Secrets, Worker } from "@flowcraft/runtime";
import { loadConfig } from "./config.ts";
import { exampleRegistry } from "./examples/index.ts";
import { createLogger } from "./logging.ts";
import { loadSecretsKey } from "./secrets-key.ts";
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
const secrets = new Secrets(db, loadSecretsKey(config.secretsKey, config.dataDir));
const worker = new Worker(db, {
  activities: exampleRegistry(),
  httpAllow: config.httpAllow,
  secrets,
  generationRetentionSeconds: config.generationRetentionSeconds,
  logger: log,
  ...(tracing ? { tracer: tracing.tracer } : {}),
});
await worker.start();
log.info({ worker: worker.id, activities: worker.activityNames }, `worker ${worker.id} running activities: ${worker.activityNames.join(", ")}`);

async function shutdown() {
  await worker.stop();
  await db.close();
  await tracing?.shutdown();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown());
process.on("SIGTERM", () => void shutdown());
