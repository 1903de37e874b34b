/** tRPC procedures of instances, for the web app: list, inspect, watch, steer and re-run. */
import { RERUN_KINDS, type Json } from "@flowcraft/engine";
import { INSTANCE_ORDERS, MAX_HISTORY_PAGE, MAX_PAGE_SIZE } from "@flowcraft/runtime";
import { z } from "zod";
import { purgeAudited } from "../accounts/audited-purge.ts";
import { raiseEventAs } from "../accounts/raise-event-as.ts";
import { InstanceFilterInput, InstanceSelectionInput, MAX_INT } from "../instance-filter.ts";
import { DraftDefinitionInput, WorkflowNameInput } from "./inputs.ts";
import { procedure } from "./trpc.ts";

const InstanceIdInput = z.string().min(1).max(200);
const SeqInput = z.number().int().min(0).max(MAX_INT);
const ActionInput = z.object({ id: InstanceIdInput, reason: z.string().max(2000).optional() });

export const instancesRouter = {
  list: procedure
    .input(
      InstanceSelectionInput.extend({
        order: z.enum(INSTANCE_ORDERS).optional(),
        limit: z.number().int().min(1).max(MAX_PAGE_SIZE).optional(),
        cursor: z.string().max(1000).optional(),
      }),
    )
    .query(({ ctx, input }) => ctx.instances.list(input)),
  counts: procedure.input(InstanceFilterInput).query(({ ctx, input }) => ctx.instances.counts(input)),
  /** Server push for lists: yields whenever any instance changes. */
  changes: procedure.subscription(({ ctx, signal }) => ctx.instances.changes(signal)),
  get: procedure.input(z.object({ id: InstanceIdInput })).query(({ ctx, input }) => ctx.instances.get(input.id)),
  related: procedure.input(z.object({ id: InstanceIdInput })).query(({ ctx, input }) => ctx.instances.related(input.id)),
  /** History events in order, all generations; up to 10,000 per call. */
  history: procedure
    .input(z.object({ id: InstanceIdInput, afterSeq: SeqInput.optional(), limit: z.number().int().min(1).max(MAX_HISTORY_PAGE).optional() }))
    .query(({ ctx, input }) => ctx.instances.history(input.id, input)),
  /** Starts an instance as `POST /api/v1/workflows/{name}/start` does; the instance id is checked by the runtime. */
  start: procedure
    .meta({ need: "operate" })
    .input(
      z.object({
        workflowName: WorkflowNameInput,
        input: z.unknown(),
        instanceId: z.string().min(1).max(200).optional(),
        version: z.number().int().min(1).max(MAX_INT).optional(),
      }),
    )
    .mutation(({ ctx, input }) =>
      ctx.instances.start(input.workflowName, (input.input ?? null) as Json, { instanceId: input.instanceId, version: input.version, by: ctx.actor }),
    ),
  /**
   * Starts a test run of the definition on screen, unpublished: refused, naming its problems, when
   * publishing it would be. It runs what only a designer may write, with its real activities.
   */
  startTest: procedure
    .meta({ need: "testRun" })
    .input(z.object({ workflowName: WorkflowNameInput, definition: DraftDefinitionInput, input: z.unknown() }))
    .mutation(({ ctx, input }) => ctx.instances.startTest(input.workflowName, input.definition, (input.input ?? null) as Json, { by: ctx.actor })),
  terminate: procedure.meta({ need: "operate" }).input(ActionInput).mutation(({ ctx, input }) => ctx.instances.terminate(input.id, actionOf(input, ctx.actor))),
  suspend: procedure.meta({ need: "operate" }).input(ActionInput).mutation(({ ctx, input }) => ctx.instances.suspend(input.id, actionOf(input, ctx.actor))),
  resume: procedure.meta({ need: "operate" }).input(ActionInput).mutation(({ ctx, input }) => ctx.instances.resume(input.id, actionOf(input, ctx.actor))),
  purge: procedure.meta({ need: "operate" }).input(z.object({ id: InstanceIdInput })).mutation(({ ctx, input }) => purgeAudited(ctx.instances, ctx.access.audit, input.id, ctx.actor)),
  /** As `POST /api/v1/instances/{id}/events/{eventName}`: an event an approval waits for decides it, as the caller. */
  raiseEvent: procedure
    .meta({ need: "operate" })
    .input(z.object({ id: InstanceIdInput, name: z.string().min(1).max(200), payload: z.unknown() }))
    .mutation(({ ctx, input }) =>
      raiseEventAs({ instances: ctx.instances, approvals: ctx.approvals, audit: ctx.access.audit }, ctx.principal!, input.id, input.name, (input.payload ?? null) as Json),
    ),
  rerun: procedure
    .meta({ need: "operate" })
    .input(z.object({ id: InstanceIdInput, mode: z.enum(RERUN_KINDS), version: z.number().int().min(1).max(MAX_INT).optional() }))
    .mutation(({ ctx, input }) => ctx.instances.rerun(input.id, input.mode, { ...(input.version ? { version: input.version } : {}), by: ctx.actor })),
};

/** Who acted is recorded in the instance's history. */
function actionOf(input: { reason?: string }, actor: string) {
  return { ...(input.reason ? { reason: input.reason } : {}), by: actor };
}
