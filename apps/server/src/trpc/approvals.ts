/** tRPC procedures of the approvals inbox. */
import { APPROVAL_DECISIONS, MAX_PAGE_SIZE } from "@flowcraft/runtime";
import { z } from "zod";
import { decideAudited } from "../accounts/audited-decision.ts";
import { procedure } from "./trpc.ts";

export const approvalsRouter = {
  pending: procedure
    .input(
      z
        .object({
          workflowName: z.string().max(200).optional(),
          instanceId: z.string().max(200).optional(),
          limit: z.number().int().min(1).max(MAX_PAGE_SIZE).optional(),
          cursor: z.string().max(1000).optional(),
        })
        .optional(),
    )
    .query(({ ctx, input }) => ctx.approvals.pending(input ?? {})),
  /** The signed-in person decides; the approval step may narrow who that can be. */
  decide: procedure
    .meta({ need: "approve" })
    .input(
      z.object({
        instanceId: z.string().min(1).max(200),
        waitId: z.string().min(1).max(500),
        decision: z.enum(APPROVAL_DECISIONS),
        comment: z.string().max(2000).optional(),
      }),
    )
    .mutation(({ ctx, input }) =>
      decideAudited(ctx.approvals, ctx.access.audit, input.instanceId, input.waitId, {
        decision: input.decision,
        decider: ctx.principal!,
        ...(input.comment ? { comment: input.comment } : {}),
      }),
    ),
};
