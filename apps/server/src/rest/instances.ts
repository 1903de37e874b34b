/** REST: the async request-reply API: start (202 + Location), poll status, raise events, steer. */
import type { FastifyInstance } from "fastify";
import { RERUN_KINDS, RUNTIME_STATUSES, type Json } from "@flowcraft/engine";
import { INSTANCE_ID_PATTERN, INSTANCE_ORDERS, MAX_HISTORY_PAGE, MAX_PAGE_SIZE, MAX_STARTS_PER_REQUEST, type Approvals, type Instances } from "@flowcraft/runtime";
import { z } from "zod";
import { actorOf, principalFor } from "../accounts/actor.ts";
import type { AuditLog } from "../accounts/audit.ts";
import { purgeAudited } from "../accounts/audited-purge.ts";
import { raiseEventAs } from "../accounts/raise-event-as.ts";
import { logFailure } from "../logging.ts";
import { eventStreamOf, resumePointOf } from "./watch.ts";

/** Largest value of a Postgres integer column: versions and sequence numbers stay below it. */
const MAX_INT = 2_147_483_647;
/** Dates Postgres can store and people mean. */
const DateParam = z.coerce.date().min(new Date("1970-01-01T00:00:00Z")).max(new Date("9999-12-31T23:59:59Z"));
const IdParams = z.object({ id: z.string().min(1).max(200) });
const StartParams = z.object({ name: z.string().min(1).max(200) });
const StartQuery = z.object({
  instanceId: z.string().regex(INSTANCE_ID_PATTERN, "must be 1-200 letters, digits, . _ : or -").optional(),
  version: z.coerce.number().int().min(1).max(MAX_INT).optional(),
});
const StartsBody = z
  .object({
    version: StartQuery.shape.version,
    starts: z
      .array(z.object({ instanceId: StartQuery.shape.instanceId, input: z.unknown().optional() }).strict())
      .min(1)
      .max(MAX_STARTS_PER_REQUEST),
  })
  .strict();
const EventParams = IdParams.extend({ eventName: z.string().min(1).max(200) });
const EventQuery = z.object({ eventId: z.string().min(1).max(200).optional() });
const ActionBody = z.object({ reason: z.string().max(2000).optional() }).strict().optional();
const ListQuery = z.object({
  workflowName: z.string().max(200).optional(),
  workflowVersion: z.coerce.number().int().min(1).max(MAX_INT).optional(),
  status: z
    .string()
    .transform((s) => s.split(",").map((x) => x.trim().toUpperCase()))
    .pipe(z.array(z.enum(RUNTIME_STATUSES)))
    .optional(),
  createdFrom: DateParam.optional(),
  createdTo: DateParam.optional(),
  instanceId: z.string().max(200).optional(),
  waiting: z.enum(["true", "false"]).transform((value) => value === "true").optional(),
  includeTests: z.enum(["true", "false"]).transform((value) => value === "true").optional(),
  order: z.enum(INSTANCE_ORDERS).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).optional(),
  cursor: z.string().max(1000).optional(),
});
const RerunBody = z.object({ mode: z.enum(RERUN_KINDS), version: z.number().int().min(1).max(MAX_INT).optional() }).strict();
/** The seq of the last event the caller already has. */
const AfterSeq = z.coerce.number().int().min(0).max(MAX_INT);
const HistoryQuery = z.object({
  afterSeq: AfterSeq.optional(),
  limit: z.coerce.number().int().min(1).max(MAX_HISTORY_PAGE).optional(),
});

const WatchQuery = z.object({ afterSeq: AfterSeq });

const statusUrl = (id: string) => `/api/v1/instances/${encodeURIComponent(id)}`;

export function instanceRoutes(app: FastifyInstance, instances: Instances, audit: AuditLog, approvals: Approvals) {
  app.post("/api/v1/workflows/:name/start", { config: { need: "operate" } }, async (request, reply) => {
    const { name } = StartParams.parse(request.params);
    const query = StartQuery.parse(request.query);
    const instance = await instances.start(name, (request.body ?? null) as Json, { ...query, by: actorOf(request) });
    return reply
      .status(202)
      .header("location", statusUrl(instance.instanceId))
      .send({ instanceId: instance.instanceId, statusQueryUrl: statusUrl(instance.instanceId) });
  });

  app.post("/api/v1/workflows/:name/starts", { config: { need: "operate" } }, async (request, reply) => {
    const { name } = StartParams.parse(request.params);
    const { version, starts } = StartsBody.parse(request.body);
    const items = starts.map(({ instanceId, input }) => ({ ...(instanceId !== undefined ? { instanceId } : {}), input: (input ?? null) as Json }));
    const outcomes = await instances.startMany(name, items, { ...(version !== undefined ? { version } : {}), by: actorOf(request) });
    return reply.status(202).send({ starts: outcomes.map((outcome) => ({ ...outcome, statusQueryUrl: statusUrl(outcome.instanceId) })) });
  });

  app.get("/api/v1/instances", async (request) => instances.list(ListQuery.parse(request.query)));

  app.get("/api/v1/instances/counts", async (request) => {
    const { status: _status, limit: _limit, cursor: _cursor, waiting: _waiting, order: _order, ...filter } = ListQuery.parse(request.query);
    return instances.counts(filter);
  });

  app.get("/api/v1/instances/:id", async (request) => instances.get(IdParams.parse(request.params).id));

  app.get("/api/v1/instances/:id/children", async (request) => {
    const { children, childrenTotal } = await instances.related(IdParams.parse(request.params).id);
    return { children, childrenTotal };
  });

  app.get("/api/v1/instances/:id/history", async (request) => {
    const { id } = IdParams.parse(request.params);
    return { events: await instances.history(id, HistoryQuery.parse(request.query)) };
  });

  app.get("/api/v1/instances/:id/watch", async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    // A query's afterSeq, or where a reconnecting EventSource stopped; a malformed resume point starts over.
    const resumed = WatchQuery.safeParse({ afterSeq: resumePointOf(request) });
    const { afterSeq } = WatchQuery.partial().parse(request.query);
    // An unknown instance gets a 404 with a message, before the stream's 200 goes out.
    await instances.get(id);
    const stopped = new AbortController();
    reply.raw.on("close", () => stopped.abort());
    return reply
      .header("content-type", "text/event-stream; charset=utf-8")
      .header("cache-control", "no-store")
      .header("x-accel-buffering", "no")
      .send(eventStreamOf(instances.watch(id, afterSeq ?? (resumed.success ? resumed.data.afterSeq : 0), stopped.signal), stopped.signal, (error) => logFailure(request, error)));
  });

  app.post("/api/v1/instances/:id/events/:eventName", { config: { need: "operate" } }, async (request, reply) => {
    const { id, eventName } = EventParams.parse(request.params);
    const { eventId } = EventQuery.parse(request.query);
    // An event an approval waits for decides it: only as someone who may, and as themselves.
    const raised = await raiseEventAs({ instances, approvals, audit }, principalFor(request), id, eventName, (request.body ?? null) as Json, eventId);
    return reply.status(202).header("location", statusUrl(id)).send(raised);
  });

  for (const action of ["terminate", "suspend", "resume"] as const) {
    app.post(`/api/v1/instances/:id/${action}`, { config: { need: "operate" } }, async (request, reply) => {
      const { id } = IdParams.parse(request.params);
      const body = ActionBody.parse(request.body);
      await instances[action](id, { ...(body?.reason ? { reason: body.reason } : {}), by: actorOf(request) });
      return reply.status(202).header("location", statusUrl(id)).send({ instanceId: id, accepted: action });
    });
  }

  app.post("/api/v1/instances/:id/rerun", { config: { need: "operate" } }, async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const { mode, version } = RerunBody.parse(request.body);
    const created = await instances.rerun(id, mode, { ...(version ? { version } : {}), by: actorOf(request) });
    return reply
      .status(202)
      .header("location", statusUrl(created.instanceId))
      .send({ instanceId: created.instanceId, statusQueryUrl: statusUrl(created.instanceId), origin: created.origin });
  });

  app.delete("/api/v1/instances/:id", { config: { need: "operate" } }, async (request, reply) => {
    await purgeAudited(instances, audit, IdParams.parse(request.params).id, actorOf(request));
    return reply.status(204).send();
  });
}
