/** `pnpm seed`: publishes the example workflows that do not exist yet. */
import { Workflows } from "@flowcraft/runtime";
import { loadConfig } from "./config.ts";
import { openDatabase } from "./database.ts";
import { seedExamples } from "./examples/index.ts";

const db = await openDatabase(loadConfig());
const published = await seedExamples(db, new Workflows(db));
console.log(published.length > 0 ? `published: ${published.join(", ")}` : "all example workflows already exist");
await db.close();
