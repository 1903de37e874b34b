/** The committed types are the server's OpenAPI document's: a change to the API must regenerate them. */
import { readFile } from "node:fs/promises";
import { expect, it } from "vitest";
import { generatedSchema, SCHEMA_FILE } from "../scripts/generate-schema.ts";

it("src/schema.ts is generated from the current OpenAPI document", async () => {
  const committed = await readFile(SCHEMA_FILE, "utf8");
  const current = await generatedSchema();
  expect(committed === current, "src/schema.ts differs from the server's OpenAPI document; run `pnpm --filter @flowcraft/client generate` and commit the result").toBe(true);
});
