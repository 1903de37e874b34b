/**
 * The client's types come from the server's OpenAPI document, never by hand: `pnpm --filter
 * @flowcraft/client generate` writes them, and a test fails when the committed file drifts.
 */
import { fileURLToPath } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";
import { openApiDocument } from "@flowcraft/server/openapi";

export const SCHEMA_FILE = fileURLToPath(new URL("../src/schema.ts", import.meta.url));

const HEADER = "/* Generated from the server's OpenAPI document by `pnpm --filter @flowcraft/client generate`; do not edit. */\n\n";

export async function generatedSchema(): Promise<string> {
  // A deep copy: the generator annotates the objects it is given.
  const document = JSON.parse(JSON.stringify(openApiDocument));
  return HEADER + astToString(await openapiTS(document));
}
