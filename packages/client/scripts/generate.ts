/** Writes src/schema.ts: the REST API's types, generated from the server's OpenAPI document. */
import { writeFile } from "node:fs/promises";
import { generatedSchema, SCHEMA_FILE } from "./generate-schema.ts";

await writeFile(SCHEMA_FILE, await generatedSchema());
console.log(`wrote ${SCHEMA_FILE}`);
