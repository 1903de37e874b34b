/**
 * REST: the first-run set-up, signing in and out, who is signed in, and a person changing their
 * own password. The browser keeps the session in an HttpOnly cookie; the CSRF token in the
 * answers goes back in a header with every change the web app asks for.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { invalid } from "@flowcraft/runtime";
import { z } from "zod";
import type { Accounts, AccountView } from "../accounts/accounts.ts";
import { forbidden, unauthenticated } from "../accounts/access-errors.ts";
import { signInAttempts } from "../accounts/attempts.ts";
import type { AuditLog } from "../accounts/audit.ts";
import { checkPasswordRules } from "../accounts/passwords.ts";
import { exampleApprovalGroups } from "../examples/approval-groups.ts";
import { SESSION_COOKIE, type SessionGrant, type Sessions } from "../accounts/sessions.ts";

const Password = z.string().min(1).max(200);
const Credentials = z.object({ username: z.string().min(1).max(64), password: Password }).strict();
const Setup = Credentials.extend({ displayName: z.string().max(200).optional() }).strict();
const PasswordChange = z.object({ currentPassword: Password, newPassword: Password }).strict();

/**
 * Password attempts are counted per address and username, whether at sign-in or at a password
 * change; each is counted before the password is checked, and a right one clears the count.
 */
const attemptKey = (ip: string, username: string) => `${ip}|${username.trim().toLowerCase()}`;

export interface AuthServices {
  accounts: Accounts;
  sessions: Sessions;
  audit: AuditLog;
}

export function authRoutes(app: FastifyInstance, { accounts, sessions, audit }: AuthServices) {
  const failures = signInAttempts();

  app.get("/api/v1/auth/session", { config: { need: "public" } }, async (request) => {
    const access = request.access;
    return {
      needsSetup: await accounts.needsSetup(),
      account: access ? await accounts.get(access.principal.name).catch(() => null) : null,
      csrfToken: access?.via === "session" ? access.csrfToken : null,
    };
  });

  app.post("/api/v1/auth/setup", { config: { need: "public" } }, async (request, reply) => {
    const { username, password, displayName } = Setup.parse(request.body);
    const owner = await accounts.setupOwner({ username, password, groups: exampleApprovalGroups(), ...(displayName ? { displayName } : {}) });
    await audit.record({ actor: owner.username, action: "account.owner_created", target: owner.username });
    return signedIn(reply.status(201), request, owner, await sessions.begin(owner));
  });

  app.post("/api/v1/auth/login", { config: { need: "public" } }, async (request, reply) => {
    const { username, password } = Credentials.parse(request.body);
    const key = attemptKey(request.ip, username);
    await failures.count(key);
    const account = await accounts.verify(username, password);
    if (!account) throw unauthenticated("wrong username or password");
    await failures.forget(key);
    return signedIn(reply, request, account, await sessions.begin(account));
  });

  app.post("/api/v1/auth/logout", { config: { need: "public" } }, async (request, reply) => {
    if (request.access?.via === "session") await sessions.end(request.access.sessionSecret);
    return reply.clearCookie(SESSION_COOKIE, { path: "/" }).status(204).send();
  });

  /**
   * A person's own new password. The current one is asked for, so that a browser left signed in
   * is not enough to take the account over; guessing it counts against sign-in's limit.
   */
  app.post("/api/v1/auth/password", { config: { need: "signed_in" } }, async (request, reply) => {
    const access = request.access;
    if (access?.via !== "session") throw forbidden("an API token has no password to change; people change their own password while signed in");
    const { currentPassword, newPassword } = PasswordChange.parse(request.body);
    const username = access.principal.name;
    const key = attemptKey(request.ip, username);
    await failures.count(key);
    if (!(await accounts.verify(username, currentPassword))) throw forbidden("the current password is wrong");
    await failures.forget(key);
    checkPasswordRules(newPassword);
    if (newPassword === currentPassword) throw invalid("the new password must differ from the current one");
    // Every other session ends: whoever else knew the old password is signed out.
    await accounts.setPassword(username, newPassword, { keepSession: access.sessionSecret });
    await audit.record({ actor: username, action: "account.password_changed", target: username });
    return reply.status(204).send();
  });
}

function signedIn(reply: FastifyReply, request: FastifyRequest, account: AccountView, grant: SessionGrant) {
  return reply
    .setCookie(SESSION_COOKIE, grant.secret, {
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure: request.protocol === "https",
      expires: grant.expiresAt,
    })
    .send({ account, csrfToken: grant.csrfToken });
}
