/** tRPC procedures of instances, for the web app. */
import { RUNTIME_STATUSES } from "@flowcraft/engine";
import { z } from "zod";
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
};
