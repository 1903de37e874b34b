/** Writes definition.schema.json from the zod schemas; a test checks the committed file is current. */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { definitionJsonSchemaText } from "../src/json-schema.ts";

const target = fileURLToPath(new URL("../definition.schema.json", import.meta.url));
writeFileSync(target, definitionJsonSchemaText());
console.log(`wrote ${target}`);
