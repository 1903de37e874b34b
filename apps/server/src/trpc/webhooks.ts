/**
 * tRPC procedures of webhooks, for the web app: as REST's (rest/webhooks.ts), with the URL as a
 * path the browser completes with its own origin. Every change is audited.
 */
import { z } from "zod";
import { shownTo, WebhookIdInput, WebhookSettingsInput } from "../rest/webhook-settings.ts";
import { WorkflowNameInput } from "./inputs.ts";
import { procedure } from "./trpc.ts";

const manage = procedure.meta({ need: "webhooks" });
const ById = z.object({ id: WebhookIdInput });

export const webhooksRouter = {
  list: procedure.input(z.object({ workflowName: WorkflowNameInput })).query(async ({ ctx, input }) =>
    (await ctx.webhooks.list(input.workflowName)).map((webhook) => shownTo(ctx.principal, webhook)),
  ),
  create: manage.input(z.object({ workflowName: WorkflowNameInput, settings: WebhookSettingsInput })).mutation(async ({ ctx, input }) => {
    const { webhook, path, signingSecret } = await ctx.webhooks.create(input.workflowName, input.settings, ctx.actor);
    await ctx.access.audit.record({ actor: ctx.actor, action: "webhook.created", target: webhook.id, details: { workflowName: input.workflowName, kind: webhook.kind } });
    return { webhook: shownTo(ctx.principal, webhook), path, ...(signingSecret ? { signingSecret } : {}) };
  }),
  rotate: manage.input(ById).mutation(async ({ ctx, input }) => {
    const { webhook, path } = await ctx.webhooks.rotate(input.id);
    await ctx.access.audit.record({ actor: ctx.actor, action: "webhook.rotated", target: input.id });
    return { webhook: shownTo(ctx.principal, webhook), path };
  }),
  remove: manage.input(ById).mutation(async ({ ctx, input }) => {
    const removed = await ctx.webhooks.remove(input.id);
    await ctx.access.audit.record({ actor: ctx.actor, action: "webhook.deleted", target: input.id, details: { workflowName: removed.workflowName } });
  }),
};
