/** `pnpm worker`: an extra worker process against the same Postgres as the server. */
import { connect, migrate } from "@flowcraft/db";
import { Secrets, Worker } from "@flowcraft/runtime";
import { loadConfig } from "./config.ts";
import { exampleRegistry } from "./examples/index.ts";
import { loadSecretsKey } from "./secrets-key.ts";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("pnpm worker needs DATABASE_URL: extra workers share a Postgres with the server (the embedded database serves the server process only)");
  process.exit(2);
}
const db = connect(url);
await migrate(db.pool);
const config = loadConfig();
const secrets = new Secrets(db, loadSecretsKey(config.secretsKey, config.dataDir));
const worker = new Worker(db, { activities: exampleRegistry(), httpAllow: config.httpAllow, secrets, retentionDays: config.retentionDays });
await worker.start();
console.log(`worker ${worker.id} running activities: ${worker.activityNames.join(", ")}`);

async function shutdown() {
  await worker.stop();
  await db.close();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown());
process.on("SIGTERM", () => void shutdown());
