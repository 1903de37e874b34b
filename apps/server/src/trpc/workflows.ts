/** tRPC procedures of workflows, for the web app: published versions and publishing. */
import { RetentionSettingSchema } from "@flowcraft/runtime";
import { z } from "zod";
import { setRetentionAudited } from "../accounts/audited-retention.ts";
import { DraftDefinitionInput, ExpectedRevisionInput, WorkflowNameInput } from "./inputs.ts";
import { procedure } from "./trpc.ts";

export const workflowsRouter = {
  list: procedure.query(({ ctx }) => ctx.workflows.list()),
  get: procedure
    .input(z.object({ name: WorkflowNameInput, version: z.number().int().min(1).max(2_147_483_647).optional() }))
    .query(({ ctx, input }) => ctx.workflows.get(input.name, input.version)),
  /** Who published which version when, newest first. */
  versions: procedure.input(z.object({ name: WorkflowNameInput })).query(({ ctx, input }) => ctx.workflows.versions(input.name)),
  /**
   * Publishes as `PUT /api/v1/workflows/{name}` does, and deletes the draft in the same
   * transaction: the new version is what the designer opens next. With `expectedRevision`,
   * publishing is refused (CONFLICT) when the draft was saved by someone else since.
   */
  publish: procedure
    .meta({ need: "design" })
    .input(z.object({ name: WorkflowNameInput, definition: DraftDefinitionInput, expectedRevision: ExpectedRevisionInput.optional() }))
    .mutation(({ ctx, input }) =>
      ctx.drafts.publish(input.name, input.definition, { revision: input.expectedRevision, publishedBy: ctx.actor }),
    ),

  /** How long the workflow's ended instances are kept, and the installation's default. */
  retention: procedure.input(z.object({ name: WorkflowNameInput })).query(({ ctx, input }) => ctx.retention.get(input.name)),
  /** Sets it, as `PUT /api/v1/workflows/{name}/retention` does: days, 0 for ever, null for the default. */
  setRetention: procedure
    .meta({ need: "operate" })
    .input(RetentionSettingSchema.extend({ name: WorkflowNameInput }))
    .mutation(({ ctx, input }) => setRetentionAudited(ctx.retention, ctx.access.audit, input.name, { retentionDays: input.retentionDays }, ctx.actor)),
};
