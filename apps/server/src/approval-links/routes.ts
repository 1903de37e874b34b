/**
 * Approval links for e-mail and chat. An admin (or a system with an admin token) asks for the two
 * links of one waiting approval and one person; opening a link shows what is decided, and only the
 * form's POST decides, since mail scanners open links on their own.
 */
import type { FastifyInstance, FastifyReply } from "fastify";
import { ClientError, type Approvals } from "@flowcraft/runtime";
import { z } from "zod";
import { callerErrorOf } from "../caller-errors.ts";
import type { Accounts } from "../accounts/accounts.ts";
import { principalOf } from "../accounts/accounts.ts";
import type { AuditLog } from "../accounts/audit.ts";
import { decideAudited } from "../accounts/audited-decision.ts";
import { may } from "../accounts/roles.ts";
import { confirmPage, outcomePage } from "./pages.ts";
import { LINK_LIFETIME_DAYS, type ApprovalLink, type ApprovalLinkSigner, type LinkCheck } from "./signed-links.ts";

const LinkParams = z.object({ id: z.string().min(1).max(200), waitId: z.string().min(1).max(500) });
const LinkBody = z.object({ approver: z.string().min(1).max(64) }).strict();
const TokenParams = z.object({ token: z.string().min(1).max(4_000) });

export interface ApprovalLinkServices {
  approvals: Approvals;
  accounts: Accounts;
  audit: AuditLog;
  signer: ApprovalLinkSigner;
}

export async function approvalLinkRoutes(app: FastifyInstance, { approvals, accounts, audit, signer }: ApprovalLinkServices) {
  app.post("/api/v1/instances/:id/approvals/:waitId/links", { config: { need: "administer" } }, async (request, reply) => {
    const { id, waitId } = LinkParams.parse(request.params);
    const { approver } = LinkBody.parse(request.body);
    const wait = await approvals.waitingAt(id, waitId);
    if (!wait) throw new ClientError("conflict", `instance "${id}" has no approval waiting at "${waitId}"`);
    const account = await accounts.get(approver);
    const expiresAt = wait.timeoutAt ?? new Date(Date.now() + LINK_LIFETIME_DAYS * 86_400_000).toISOString();
    const linkFor = async (decision: ApprovalLink["decision"]) =>
      `/approval-links/${await signer.sign({ instanceId: id, generation: wait.generation, waitId, decision, approver: account.username, expiresAt })}`;
    return reply.status(201).send({ approve: await linkFor("approved"), reject: await linkFor("rejected"), approver: account.username, expiresAt });
  });

  await app.register(async (pages) => linkPages(pages, { approvals, accounts, audit, signer }));
}

/** The pages a link opens. Their form posts an empty urlencoded body: the link itself says everything. */
function linkPages(app: FastifyInstance, { approvals, accounts, audit, signer }: ApprovalLinkServices) {
  app.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string" }, (_request, _body, done) => done(null, null));

  app.get("/approval-links/:token", async (request, reply) => {
    const checked = await signer.check(TokenParams.parse(request.params).token);
    if (!checked.ok) return refused(reply, checked);
    const { link } = checked;
    const wait = await approvals.waitingAt(link.instanceId, link.waitId);
    if (!wait) return html(reply, 409, outcomePage("Nothing to decide", "This approval is no longer waiting: it was decided, timed out, or its instance has ended. Nothing was changed."));
    if (wait.generation !== link.generation) return html(reply, 409, outcomePage("Nothing to decide", earlierRun(link.generation, wait.generation)));
    return html(reply, 200, confirmPage({ ...link, summary: wait.title, action: request.url }));
  });

  app.post("/approval-links/:token", async (request, reply) => {
    const checked = await signer.check(TokenParams.parse(request.params).token);
    if (!checked.ok) return refused(reply, checked);
    const { link } = checked;
    const account = await accounts.get(link.approver).catch(() => null);
    if (!account || account.disabled || !may(principalOf(account), "approve")) {
      return html(reply, 403, outcomePage("Not allowed", `${link.approver} may no longer decide approvals. Nothing was changed.`));
    }
    try {
      const decided = await decideAudited(approvals, audit, link.instanceId, link.waitId, {
        decision: link.decision,
        decider: { name: account.username, groups: account.groups },
        generation: link.generation,
      });
      return html(reply, 200, outcomePage(decided.decision === "approved" ? "Approved" : "Rejected", `Recorded as decided by ${decided.approver} at ${decided.decidedAt}.`));
    } catch (error) {
      // The runtime's refusals answer with the status the API gives them; anything else is the server's failure.
      const refusal = callerErrorOf(error);
      if (!(error instanceof ClientError) || !refusal) throw error;
      return html(reply, refusal.status, outcomePage("Not decided", `${refusal.message}. Nothing was changed.`));
    }
  });
}

const earlierRun = (made: number, now: number) =>
  `This link was made for an earlier run of the instance (generation ${made}); the instance has continued as new and is in generation ${now}, whose approval needs a link of its own. Nothing was changed.`;

function refused(reply: FastifyReply, checked: Exclude<LinkCheck, { ok: true }>) {
  if (checked.reason === "expired") return html(reply, 410, outcomePage("Link expired", `This link expired at ${checked.link.expiresAt}. Nothing was changed.`));
  if (checked.reason === "outdated") {
    return html(reply, 410, outcomePage("Link no longer valid", "This link was made before links named the run of the instance they decide; ask for a new one. Nothing was changed."));
  }
  return html(reply, 400, outcomePage("Link not valid", "This link was altered or is not one of this server's links. Nothing was changed."));
}

const html = (reply: FastifyReply, status: number, body: string) => reply.status(status).type("text/html; charset=utf-8").send(body);
