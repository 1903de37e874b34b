/** The JSON Schema of the definition format, generated from the zod schemas. */
import { z } from "zod";
import { DEFINITION_SCHEMA_URL, DefinitionSchema } from "./schema.ts";

export function definitionJsonSchemaText(): string {
  const schema = z.toJSONSchema(DefinitionSchema, { target: "draft-2020-12", io: "input" });
  return `${JSON.stringify({ ...schema, $id: DEFINITION_SCHEMA_URL, title: "Flowcraft workflow definition v1" }, null, 2)}\n`;
}
