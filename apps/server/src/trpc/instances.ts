/** tRPC procedures of instances, for the web app. */
import { RUNTIME_STATUSES, type Json } from "@flowcraft/engine";
import { MAX_HISTORY_PAGE } from "@flowcraft/runtime";
import { z } from "zod";
import { WorkflowNameInput } from "./inputs.ts";
import { publicProcedure } from "./trpc.ts";

const InstanceIdInput = z.string().min(1).max(200);
const SeqInput = z.number().int().min(0).max(2_147_483_647);

export const instancesRouter = {
  list: publicProcedure
    .input(
      z.object({
        workflowName: z.string().max(200).optional(),
        status: z.array(z.enum(RUNTIME_STATUSES)).optional(),
        limit: z.number().int().min(1).max(1000).optional(),
        cursor: z.string().max(1000).optional(),
      }),
    )
    .query(({ ctx, input }) => ctx.instances.list(input)),
  get: publicProcedure.input(z.object({ id: InstanceIdInput })).query(({ ctx, input }) => ctx.instances.get(input.id)),
  /** History events in order, all generations; up to 10,000 per call. */
  history: publicProcedure
    .input(z.object({ id: InstanceIdInput, afterSeq: SeqInput.optional(), limit: z.number().int().min(1).max(MAX_HISTORY_PAGE).optional() }))
    .query(({ ctx, input }) => ctx.instances.history(input.id, input)),
  /** Server push for the instance view: the instance and all events after `afterSeq`, then each new batch. */
  watch: publicProcedure
    .input(z.object({ id: InstanceIdInput, afterSeq: SeqInput.optional() }))
    .subscription(({ ctx, input, signal }) => ctx.instances.watch(input.id, input.afterSeq ?? 0, signal)),
  /** Starts an instance as `POST /api/v1/workflows/{name}/start` does; the instance id is checked by the runtime. */
  start: publicProcedure
    .input(
      z.object({
        workflowName: WorkflowNameInput,
        input: z.unknown(),
        instanceId: z.string().min(1).max(200).optional(),
        version: z.number().int().min(1).max(2_147_483_647).optional(),
      }),
    )
    .mutation(({ ctx, input }) =>
      ctx.instances.start(input.workflowName, (input.input ?? null) as Json, { instanceId: input.instanceId, version: input.version }),
    ),
};
