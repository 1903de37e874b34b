/** REST: the approvals inbox and decisions, for chat bots and other systems that ask people. */
import type { FastifyInstance } from "fastify";
import { APPROVAL_DECISIONS, MAX_PAGE_SIZE, type Approvals } from "@flowcraft/runtime";
import { z } from "zod";
import { principalFor } from "../accounts/actor.ts";
import type { AuditLog } from "../accounts/audit.ts";
import { decideAudited } from "../accounts/audited-decision.ts";

const PendingQuery = z.object({
  workflowName: z.string().max(200).optional(),
  instanceId: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).optional(),
  cursor: z.string().max(1000).optional(),
});
const DecisionParams = z.object({ id: z.string().min(1).max(200), waitId: z.string().min(1).max(500) });
const DecisionBody = z
  .object({ decision: z.enum(APPROVAL_DECISIONS), comment: z.string().max(2000).optional() })
  .strict();

export function approvalRoutes(app: FastifyInstance, approvals: Approvals, audit: AuditLog) {
  app.get("/api/v1/approvals", async (request) => approvals.pending(PendingQuery.parse(request.query)));

  app.post("/api/v1/instances/:id/approvals/:waitId", { config: { need: "approve" } }, async (request, reply) => {
    const { id, waitId } = DecisionParams.parse(request.params);
    const body = DecisionBody.parse(request.body);
    const decided = await decideAudited(approvals, audit, id, waitId, { decision: body.decision, decider: principalFor(request), ...(body.comment ? { comment: body.comment } : {}) });
    return reply.status(202).send(decided);
  });
}
