/** REST: publish and read workflow definitions; keep a workflow's retention. */
import type { FastifyInstance } from "fastify";
import type { WorkflowRetention, Workflows } from "@flowcraft/runtime";
import { z } from "zod";
import { actorOf } from "../accounts/actor.ts";
import type { AuditLog } from "../accounts/audit.ts";
import { setRetentionAudited } from "../accounts/audited-retention.ts";

const NameParams = z.object({ name: z.string().min(1).max(200) });
const PublishQuery = z.object({ dryRun: z.enum(["true", "false"]).optional() });
const VersionParams = NameParams.extend({ version: z.coerce.number().int().min(1).max(2_147_483_647) });

export function workflowRoutes(app: FastifyInstance, workflows: Workflows, retention: WorkflowRetention, audit: AuditLog) {
  app.get("/api/v1/workflows", async () => ({ workflows: await workflows.list() }));

  app.put("/api/v1/workflows/:name", { config: { need: "design" } }, async (request, reply) => {
    const { name } = NameParams.parse(request.params);
    if (PublishQuery.parse(request.query).dryRun === "true") {
      const { created, version } = await workflows.check(name, request.body ?? null, actorOf(request));
      return reply.status(created ? 201 : 200).send(version);
    }
    const { created, version } = await workflows.publish(name, request.body ?? null, actorOf(request));
    return reply
      .status(created ? 201 : 200)
      .header("location", `/api/v1/workflows/${encodeURIComponent(name)}/versions/${version.version}`)
      .send(version);
  });

  app.get("/api/v1/workflows/:name", async (request) => {
    const { name } = NameParams.parse(request.params);
    const [latest, versions] = await Promise.all([workflows.get(name), workflows.versions(name)]);
    return { ...latest, versions };
  });

  app.get("/api/v1/workflows/:name/versions/:version", async (request) => {
    const { name, version } = VersionParams.parse(request.params);
    return workflows.get(name, version);
  });

  app.get("/api/v1/workflows/:name/retention", async (request) => retention.get(NameParams.parse(request.params).name));

  app.put("/api/v1/workflows/:name/retention", { config: { need: "operate" } }, async (request) =>
    setRetentionAudited(retention, audit, NameParams.parse(request.params).name, request.body ?? {}, actorOf(request)),
  );
}
