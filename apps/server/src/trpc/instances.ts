/** tRPC procedures of instances, for the web app. */
import { RUNTIME_STATUSES, type Json } from "@flowcraft/engine";
import { z } from "zod";
import { WorkflowNameInput } from "./inputs.ts";
import { publicProcedure } from "./trpc.ts";

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
  get: publicProcedure.input(z.object({ id: z.string().min(1).max(200) })).query(({ ctx, input }) => ctx.instances.get(input.id)),
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
