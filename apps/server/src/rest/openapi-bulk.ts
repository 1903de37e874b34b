/** The bulk actions part of the OpenAPI document; the request body comes from the zod schema the server checks. */
import { BULK_ACTIONS, BULK_JOB_STATUSES, MAX_BULK_IDS } from "@flowcraft/runtime";
import { z } from "zod";
import { BulkRequestInput } from "../bulk/bulk-request.ts";

const json = (schema: unknown) => ({ "application/json": { schema } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const error = (description: string) => ({ description, content: json(ref("Error")) });
const { $schema: _schema, ...requestSchema } = z.toJSONSchema(BulkRequestInput, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;

const idParam = { name: "id", in: "path", required: true, schema: { type: "string" }, description: "Bulk job id" };
const jobAnswer = { description: "The job", content: json(ref("BulkJob")) };
const noJob = error("No such bulk job");

export const bulkPaths = {
  "/api/v1/instances/bulk": {
    post: {
      summary: "Act on many instances at once (operator): a background job",
      description: `Terminates, suspends, resumes, re-runs (parameters.mode as for one instance's rerun), purges, or raises an event (parameters.eventName, parameters.payload) on every instance the filter matches (the instances list's filter, as JSON: status is an array; instances created after the request are left out), or on the instanceIds given (at most ${MAX_BULK_IDS}). The workers act on each instance once, in id order, as the caller: an instance the action does not fit (an ended instance to terminate) is skipped with the reason, as that one action would have been refused.`,
      requestBody: { required: true, content: json(requestSchema) },
      responses: {
        202: { ...jobAnswer, description: "Queued; poll the Location header for its progress", headers: { Location: { description: "The job's URL", schema: { type: "string" } } } },
        400: error("The request names what is wrong: an unknown action, a filter field or status, a date that is not ISO 8601, no ids, too many ids, filter and ids both or neither, a parameter the action does not take"),
      },
    },
  },
  "/api/v1/bulk-jobs": {
    get: {
      summary: "Bulk jobs, newest first",
      parameters: [
        { name: "status", in: "query", schema: { type: "string" }, description: `Comma-separated: ${BULK_JOB_STATUSES.join(", ")}` },
        { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 200 }, description: "50 unless said" },
      ],
      responses: { 200: { description: "{jobs}", content: json({ type: "object", properties: { jobs: { type: "array", items: ref("BulkJob") } } }) }, 400: error("Invalid status or limit") },
    },
  },
  "/api/v1/bulk-jobs/{id}": {
    get: { summary: "A bulk job and its progress", parameters: [idParam], responses: { 200: jobAnswer, 404: noJob } },
  },
  "/api/v1/bulk-jobs/{id}/cancel": {
    post: {
      summary: "Cancel a bulk job (operator): a queued one at once, a running one before its next batch",
      parameters: [idParam],
      responses: { 200: jobAnswer, 404: noJob, 409: error("The job has already ended") },
    },
  },
};

export const bulkSchemas = {
  BulkJob: {
    type: "object",
    properties: {
      jobId: { type: "string" },
      action: { enum: [...BULK_ACTIONS] },
      parameters: { type: "object" },
      filter: { type: ["object", "null"], description: "The filter it acts on; null when it acts on ids" },
      instanceIdCount: { type: ["integer", "null"], description: "How many ids it was given; null for a filter" },
      createdBy: { type: "string", description: "Who asked for it; it acts as them" },
      status: { enum: [...BULK_JOB_STATUSES] },
      matched: { type: "integer", description: "Instances matched when it was asked for" },
      done: { type: "integer" },
      skipped: { type: "integer", description: "Instances the action did not fit, each refused as the single action would be" },
      failed: { type: "integer" },
      problems: {
        type: "array",
        description: "The first 50 skipped or failed instances, with why",
        items: { type: "object", properties: { instanceId: { type: "string" }, outcome: { enum: ["skipped", "failed"] }, reason: { type: "string" } } },
      },
      lastError: { type: ["string", "null"] },
      cancelRequestedBy: { type: ["string", "null"] },
      createdAt: { type: "string", format: "date-time" },
      startedAt: { type: ["string", "null"], format: "date-time" },
      finishedAt: { type: ["string", "null"], format: "date-time" },
      updatedAt: { type: "string", format: "date-time" },
    },
  },
};
