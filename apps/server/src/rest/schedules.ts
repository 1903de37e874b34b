/** REST: a workflow's schedules, their runs started by hand (trigger, backfill) and previews of their timing. */
import type { FastifyInstance } from "fastify";
import type { Schedules } from "@flowcraft/runtime";
import { z } from "zod";
import { actorOf } from "../accounts/actor.ts";

const NameParams = z.object({ name: z.string().min(1).max(200) });
const IdParams = z.object({ id: z.string().min(1).max(200) });

const scheduleUrl = (id: string) => `/api/v1/schedules/${encodeURIComponent(id)}`;
const statusUrl = (id: string) => `/api/v1/instances/${encodeURIComponent(id)}`;

export function scheduleRoutes(app: FastifyInstance, schedules: Schedules) {
  app.get("/api/v1/workflows/:name/schedules", async (request) => ({ schedules: await schedules.list(NameParams.parse(request.params).name) }));

  app.post("/api/v1/workflows/:name/schedules", { config: { need: "operate" } }, async (request, reply) => {
    const { name } = NameParams.parse(request.params);
    const created = await schedules.create(name, request.body ?? {}, actorOf(request));
    return reply.status(201).header("location", scheduleUrl(created.id)).send(created);
  });

  // Takes a timing not saved yet: the form previews the runs as the cron is typed.
  app.post("/api/v1/schedules/preview", async (request) => ({ runs: schedules.preview(request.body ?? {}) }));

  app.get("/api/v1/schedules/:id", async (request) => schedules.get(IdParams.parse(request.params).id));

  app.put("/api/v1/schedules/:id", { config: { need: "operate" } }, async (request) => schedules.update(IdParams.parse(request.params).id, request.body ?? {}));

  app.delete("/api/v1/schedules/:id", { config: { need: "operate" } }, async (request, reply) => {
    await schedules.delete(IdParams.parse(request.params).id);
    return reply.status(204).send();
  });

  app.post("/api/v1/schedules/:id/pause", { config: { need: "operate" } }, async (request) => schedules.pause(IdParams.parse(request.params).id));
  app.post("/api/v1/schedules/:id/resume", { config: { need: "operate" } }, async (request) => schedules.resume(IdParams.parse(request.params).id));

  app.post("/api/v1/schedules/:id/trigger", { config: { need: "operate" } }, async (request, reply) => {
    const { instanceId } = await schedules.trigger(IdParams.parse(request.params).id, actorOf(request));
    return reply.status(202).header("location", statusUrl(instanceId)).send({ instanceId, statusQueryUrl: statusUrl(instanceId) });
  });

  app.post("/api/v1/schedules/:id/backfill", { config: { need: "operate" } }, async (request) => schedules.backfill(IdParams.parse(request.params).id, request.body ?? {}, actorOf(request)));
}
