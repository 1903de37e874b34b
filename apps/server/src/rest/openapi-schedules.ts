/**
 * The schedules part of the OpenAPI document. Request bodies come from the runtime's zod schemas,
 * so the document cannot drift from what the server checks.
 */
import { RUNTIME_STATUSES } from "@flowcraft/engine";
import { BackfillSchema, MAX_BACKFILL_RUNS, OVERLAP_POLICIES, ScheduleSpecSchema, ScheduleTimingSchema } from "@flowcraft/runtime";
import { z } from "zod";

const json = (schema: unknown) => ({ "application/json": { schema } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const error = (description: string) => ({ description, content: json(ref("Error")) });
/** A zod schema as JSON Schema; its only definition is the recursive JSON value of `input`, written as "any value". */
export const bodyOf = (schema: z.ZodType) => {
  const { $schema: _schema, $defs: _defs, ...rest } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  return JSON.parse(JSON.stringify(rest).replace(/\{"\$ref":"#\/\$defs\/[^"]+"\}/g, '{"description":"Any JSON value"}')) as Record<string, unknown>;
};

const idParam = { name: "id", in: "path", required: true, schema: { type: "string" }, description: "Schedule id" };
const nameParam = { name: "name", in: "path", required: true, schema: { type: "string" }, description: "Workflow name" };
const scheduleAnswer = { description: "The schedule", content: json(ref("Schedule")) };
const invalidSpec = error("The body is not a schedule: the message and problems name each field that is wrong (a cron croner cannot read, an unknown time zone, an end before the start, cron and intervalSeconds both or neither, an input expression that does not parse)");
const noSchedule = error("No such schedule");
const steer = (summary: string) => ({ post: { summary, parameters: [idParam], responses: { 200: scheduleAnswer, 404: noSchedule } } });

export const schedulePaths = {
  "/api/v1/workflows/{name}/schedules": {
    get: { summary: "A workflow's schedules, each with its next five runs and its latest runs", parameters: [nameParam], responses: { 200: { description: "{schedules}", content: json({ type: "object", properties: { schedules: { type: "array", items: ref("Schedule") } } }) } } },
    post: {
      summary: "Create a schedule (operator)",
      description:
        "Each occurrence starts the instance `<schedule id>:<occurrence time, ISO 8601 UTC>`, so no occurrence starts twice. Missed occurrences (no worker was up) are started if they are younger than catchupWindowSeconds and skipped otherwise. overlap says what an occurrence does while the schedule's previous run still runs: skip it, buffer_one (start it when the previous run ends; later ones are dropped), allow_all, or terminate_previous.",
      parameters: [nameParam],
      requestBody: { required: true, content: json(ref("ScheduleSpec")) },
      responses: { 201: { ...scheduleAnswer, headers: { Location: { description: "The schedule's URL", schema: { type: "string" } } } }, 400: invalidSpec, 404: error("No such workflow") },
    },
  },
  "/api/v1/schedules/preview": {
    post: {
      summary: "The next five runs of a timing not saved yet, in UTC",
      requestBody: { required: true, content: json(bodyOf(ScheduleTimingSchema)) },
      responses: { 200: { description: "{runs}", content: json({ type: "object", properties: { runs: { type: "array", items: { type: "string", format: "date-time" } } } }) }, 400: invalidSpec },
    },
  },
  "/api/v1/schedules/{id}": {
    get: { summary: "A schedule", parameters: [idParam], responses: { 200: scheduleAnswer, 404: noSchedule } },
    put: {
      summary: "Replace a schedule (operator); its next run is counted anew from now",
      parameters: [idParam],
      requestBody: { required: true, content: json(ref("ScheduleSpec")) },
      responses: { 200: scheduleAnswer, 400: invalidSpec, 404: noSchedule },
    },
    delete: { summary: "Delete a schedule (operator); the runs it started stay", parameters: [idParam], responses: { 204: { description: "Deleted" }, 404: noSchedule } },
  },
  "/api/v1/schedules/{id}/pause": steer("Pause a schedule (operator)"),
  "/api/v1/schedules/{id}/resume": steer("Resume a schedule (operator) from now: occurrences that fell while it was paused are not made up"),
  "/api/v1/schedules/{id}/trigger": {
    post: {
      summary: "Start a run now (operator), whatever the overlap policy",
      parameters: [idParam],
      responses: { 202: { description: "Started; poll the Location header for its status", content: json(ref("Accepted")) }, 400: error("The run could not start: its input expression failed, or the workflow has no published version"), 404: noSchedule },
    },
  },
  "/api/v1/schedules/{id}/backfill": {
    post: {
      summary: `Start the runs of the schedule's occurrences in a past range [from, to] (operator), at most ${MAX_BACKFILL_RUNS}`,
      description: "Runs get the ids the schedule would have given them: a repeated backfill, or one over runs that happened, starts nothing twice. The overlap policy does not apply.",
      parameters: [idParam],
      requestBody: { required: true, content: json(bodyOf(BackfillSchema)) },
      responses: {
        200: { description: "{started, alreadyStarted}: instance ids", content: json({ type: "object", properties: { started: { type: "array", items: { type: "string" } }, alreadyStarted: { type: "array", items: { type: "string" } } } }) },
        400: error(`from or to is not a date-time, to is not after from or is in the future, or the range holds more than ${MAX_BACKFILL_RUNS} runs`),
        404: noSchedule,
      },
    },
  },
};

export const scheduleSchemas = {
  ScheduleSpec: bodyOf(ScheduleSpecSchema),
  Schedule: {
    type: "object",
    properties: {
      id: { type: "string" },
      workflowName: { type: "string" },
      cron: { type: ["string", "null"] },
      intervalSeconds: { type: ["integer", "null"] },
      timeZone: { type: "string" },
      input: {},
      inputExpression: { type: ["string", "null"] },
      startAt: { type: ["string", "null"], format: "date-time" },
      endAt: { type: ["string", "null"], format: "date-time" },
      jitterSeconds: { type: "integer" },
      paused: { type: "boolean" },
      overlap: { enum: [...OVERLAP_POLICIES] },
      catchupWindowSeconds: { type: "integer" },
      nextRuns: { type: "array", items: { type: "string", format: "date-time" }, description: "The next five occurrences; none while paused" },
      bufferedAt: { type: ["string", "null"], format: "date-time", description: "An occurrence buffer_one holds until the previous run ends" },
      lastError: { type: ["string", "null"], description: "Why the latest occurrence did not start" },
      recentRuns: {
        type: "array",
        description: "The latest five runs, newest occurrence first",
        items: { type: "object", properties: { instanceId: { type: "string" }, scheduledAt: { type: "string", format: "date-time" }, runtimeStatus: { enum: [...RUNTIME_STATUSES] } } },
      },
      createdBy: { type: ["string", "null"] },
      createdAt: { type: "string", format: "date-time" },
      updatedAt: { type: "string", format: "date-time" },
    },
  },
};
