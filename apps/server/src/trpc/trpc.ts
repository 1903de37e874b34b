/** tRPC set-up: the context every procedure gets, and how errors reach the web app. */
import { initTRPC, TRPCError, type TRPC_ERROR_CODE_KEY } from "@trpc/server";
import type { Approvals, BulkJobs, Drafts, Instances, Schedules, Workflows, Webhooks, WorkflowRetention } from "@flowcraft/runtime";
import { authorize, type Access, type Need } from "../accounts/access.ts";
import type { AccessServices } from "../accounts/services.ts";
import { answerOf, callerErrorOf } from "../caller-errors.ts";

export interface Context {
  workflows: Workflows;
  drafts: Drafts;
  instances: Instances;
  schedules: Schedules;
  approvals: Approvals;
  webhooks: Webhooks;
  retention: WorkflowRetention;
  bulkJobs: BulkJobs;
  /** Who makes the request, settled before tRPC reads it (see accounts/fastify-access.ts). */
  caller: Access | null;
  /** Accounts, tokens and the audit log. */
  access: AccessServices;
}

export interface Meta {
  /** What a caller needs; anyone signed in when absent. Every mutation names a permission. */
  need?: Need;
}

const CODE_OF_STATUS: Record<number, TRPC_ERROR_CODE_KEY> = {
  400: "BAD_REQUEST",
  401: "UNAUTHORIZED",
  403: "FORBIDDEN",
  404: "NOT_FOUND",
  409: "CONFLICT",
  413: "PAYLOAD_TOO_LARGE",
  415: "UNSUPPORTED_MEDIA_TYPE",
  429: "TOO_MANY_REQUESTS",
  503: "SERVICE_UNAVAILABLE",
};

/** The tRPC code of a caller error's HTTP status, so tRPC answers with the status REST would. */
export function trpcCodeOf(status: number): TRPC_ERROR_CODE_KEY {
  return CODE_OF_STATUS[status] ?? "BAD_REQUEST";
}

const t = initTRPC.context<Context>().meta<Meta>().create({
  errorFormatter({ shape, error }) {
    // No stack traces, as in REST answers (the server logs its own failures); and the problems
    // REST's error body carries, which the designer shows at their node and field.
    const { stack: _stack, ...data } = shape.data;
    return { ...shape, data: { ...data, problems: callerErrorOf(error.cause)?.problems ?? null } };
  },
});

/**
 * Gives the caller's errors (the runtime's client errors, invalid input, values Postgres refuses)
 * and a database that cannot be reached their tRPC code; tRPC would answer all of them as
 * INTERNAL_SERVER_ERROR.
 */
const callerErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (result.ok) return result;
  const cause = result.error.cause;
  const mapped = answerOf(cause);
  if (!mapped) return result;
  throw new TRPCError({ code: trpcCodeOf(mapped.status), message: mapped.message, cause });
});

/** Lets through only callers with what the procedure's `meta.need` asks; names who acts. */
const accessControl = t.middleware(({ ctx, meta, next }) => {
  const principal = authorize(ctx.caller, meta?.need ?? "signed_in");
  return next({ ctx: { principal, actor: principal?.name ?? "anonymous" } });
});

export const router = t.router;
/**
 * Every procedure: the caller must be signed in, and have the permission its `meta.need` names;
 * input errors and the runtime's errors come out as BAD_REQUEST, NOT_FOUND, CONFLICT.
 */
export const procedure = t.procedure.use(callerErrors).use(accessControl);
