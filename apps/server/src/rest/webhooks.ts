/**
 * REST: managing a workflow's webhooks. A URL (and a signing secret the server made) is in the
 * answer to create and rotate only; nothing returns them again.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { WebhookGrant, Webhooks } from "@flowcraft/runtime";
import { z } from "zod";
import { actorOf, principalFor } from "../accounts/actor.ts";
import type { AuditLog } from "../accounts/audit.ts";
import { shownTo, WebhookIdInput, WebhookSettingsInput } from "./webhook-settings.ts";

const NameParams = z.object({ name: z.string().min(1).max(200) });
const IdParams = z.object({ id: WebhookIdInput });

/** The grant with its full URL, as this server is reached. */
function granted(request: FastifyRequest, { webhook, path, signingSecret }: WebhookGrant) {
  return { webhook: shownTo(principalFor(request), webhook), url: `${request.protocol}://${request.host}${path}`, ...(signingSecret ? { signingSecret } : {}) };
}

export function webhookRoutes(app: FastifyInstance, webhooks: Webhooks, audit: AuditLog) {
  app.get("/api/v1/workflows/:name/webhooks", async (request) => {
    const { name } = NameParams.parse(request.params);
    return { webhooks: (await webhooks.list(name)).map((webhook) => shownTo(principalFor(request), webhook)) };
  });

  app.post("/api/v1/workflows/:name/webhooks", { config: { need: "webhooks" } }, async (request, reply) => {
    const { name } = NameParams.parse(request.params);
    const grant = await webhooks.create(name, WebhookSettingsInput.parse(request.body), actorOf(request));
    await audit.record({ actor: actorOf(request), action: "webhook.created", target: grant.webhook.id, details: { workflowName: name, kind: grant.webhook.kind } });
    return reply.status(201).header("location", `/api/v1/webhooks/${grant.webhook.id}`).send(granted(request, grant));
  });

  app.get("/api/v1/webhooks/:id", async (request) => shownTo(principalFor(request), await webhooks.get(IdParams.parse(request.params).id)));

  app.put("/api/v1/webhooks/:id", { config: { need: "webhooks" } }, async (request) => {
    const { id } = IdParams.parse(request.params);
    const { webhook, signingSecret } = await webhooks.update(id, WebhookSettingsInput.parse(request.body));
    await audit.record({ actor: actorOf(request), action: "webhook.updated", target: id });
    return { webhook: shownTo(principalFor(request), webhook), ...(signingSecret ? { signingSecret } : {}) };
  });

  app.post("/api/v1/webhooks/:id/rotate", { config: { need: "webhooks" } }, async (request) => {
    const { id } = IdParams.parse(request.params);
    const grant = await webhooks.rotate(id);
    await audit.record({ actor: actorOf(request), action: "webhook.rotated", target: id });
    return granted(request, grant);
  });

  app.delete("/api/v1/webhooks/:id", { config: { need: "webhooks" } }, async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const removed = await webhooks.remove(id);
    await audit.record({ actor: actorOf(request), action: "webhook.deleted", target: id, details: { workflowName: removed.workflowName } });
    return reply.status(204).send();
  });
}
