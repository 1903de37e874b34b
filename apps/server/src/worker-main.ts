/** `pnpm worker`: an extra worker process against the same Postgres as the server. */
import { connect, migrate } from "@flowcraft/db";
import { Approvals, Instances, Secrets, Worker } from "@flowcraft/runtime";
import { AuditLog } from "./accounts/audit.ts";
import { bulkPerformer } from "./bulk/bulk-actions.ts";
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
// Bulk jobs act through the same audited operations as the server's API.
const bulkActions = bulkPerformer({ instances: new Instances(db), approvals: new Approvals(db), audit: new AuditLog(db) });
const worker = new Worker(db, { activities: exampleRegistry(), httpAllow: config.httpAllow, secrets, generationRetentionSeconds: config.generationRetentionSeconds, bulkActions });
await worker.start();
console.log(`worker ${worker.id} running activities: ${worker.activityNames.join(", ")}`);

async function shutdown() {
  await worker.stop();
  await db.close();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown());
process.on("SIGTERM", () => void shutdown());
