/** The retention part of the OpenAPI document; the request body comes from the runtime's zod schema. */
import { MAX_RETENTION_DAYS, RetentionSettingSchema } from "@flowcraft/runtime";
import { bodyOf } from "./openapi-schedules.ts";

const json = (schema: unknown) => ({ "application/json": { schema } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const error = (description: string) => ({ description, content: json(ref("Error")) });

const nameParam = { name: "name", in: "path", required: true, schema: { type: "string" }, description: "Workflow name" };
const retentionAnswer = { description: "The workflow's retention", content: json(ref("Retention")) };

export const retentionPaths = {
  "/api/v1/workflows/{name}/retention": {
    get: { summary: "How long the workflow's ended instances are kept", parameters: [nameParam], responses: { 200: retentionAnswer, 404: error("No such workflow") } },
    put: {
      summary: "Set how long the workflow's ended instances are kept (operator)",
      description:
        "Completed, failed and terminated instances are purged, with their history, once they have been over for this many days; the generations a monitor leaves behind by continuing as new are deleted after as long. 0 keeps them for ever; null follows the installation's FLOWCRAFT_RETENTION_DAYS. The audit log records the change.",
      parameters: [nameParam],
      requestBody: { required: true, content: json(bodyOf(RetentionSettingSchema)) },
      responses: { 200: retentionAnswer, 400: error(`retentionDays is missing, or not null nor a whole number from 0 to ${MAX_RETENTION_DAYS}`), 404: error("No such workflow") },
    },
  },
};

export const retentionSchemas = {
  Retention: {
    type: "object",
    properties: {
      workflowName: { type: "string" },
      retentionDays: { type: ["integer", "null"], description: "The workflow's own setting; null follows the default" },
      defaultRetentionDays: { type: "integer", description: "The installation's FLOWCRAFT_RETENTION_DAYS" },
      effectiveRetentionDays: { type: "integer", description: "What applies; 0 keeps ended instances for ever" },
    },
  },
};
