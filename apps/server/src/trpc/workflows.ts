/** tRPC procedures of workflows, for the web app. */
import { z } from "zod";
import { publicProcedure } from "./trpc.ts";

export const workflowsRouter = {
  list: publicProcedure.query(({ ctx }) => ctx.workflows.list()),
  get: publicProcedure
    .input(z.object({ name: z.string().min(1).max(200), version: z.number().int().min(1).optional() }))
    .query(({ ctx, input }) => ctx.workflows.get(input.name, input.version)),
};
