/** tRPC procedures of the approvals inbox. */
import { APPROVAL_DECISIONS } from "@flowcraft/runtime";
import { z } from "zod";
import { publicProcedure } from "./trpc.ts";

export const approvalsRouter = {
  pending: publicProcedure
    .input(z.object({ workflowName: z.string().max(200).optional(), instanceId: z.string().max(200).optional() }).optional())
    .query(({ ctx, input }) => ctx.approvals.pending(input ?? {})),
  /** Until accounts exist, the approver is the request's named user, or the name the web app sends. */
  decide: publicProcedure
    .input(
      z.object({
        instanceId: z.string().min(1).max(200),
        waitId: z.string().min(1).max(500),
        decision: z.enum(APPROVAL_DECISIONS),
        comment: z.string().max(2000).optional(),
        approver: z.string().max(200).optional(),
      }),
    )
    .mutation(({ ctx, input }) =>
      ctx.approvals.decide(input.instanceId, input.waitId, {
        decision: input.decision,
        approver: ctx.user ?? input.approver ?? "",
        ...(input.comment ? { comment: input.comment } : {}),
      }),
    ),
};
