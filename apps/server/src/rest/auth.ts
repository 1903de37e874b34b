/**
 * REST: the first-run set-up, signing in and out, and who is signed in. The browser keeps the
 * session in an HttpOnly cookie; the CSRF token in the answers goes back in a header with every
 * change the web app asks for.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { Accounts, AccountView } from "../accounts/accounts.ts";
import { unauthenticated } from "../accounts/access-errors.ts";
import { signInAttempts } from "../accounts/attempts.ts";
import type { AuditLog } from "../accounts/audit.ts";
import { SESSION_COOKIE, type SessionGrant, type Sessions } from "../accounts/sessions.ts";

const Credentials = z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(200) }).strict();
const Setup = Credentials.extend({ displayName: z.string().max(200).optional() }).strict();


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
    const owner = await accounts.setupOwner({ username, password, ...(displayName ? { displayName } : {}) });
    await audit.record({ actor: owner.username, action: "account.owner_created", target: owner.username });
    return signedIn(reply.status(201), request, owner, await sessions.begin(owner));
  });

  app.post("/api/v1/auth/login", { config: { need: "public" } }, async (request, reply) => {
    const { username, password } = Credentials.parse(request.body);
    const key = `${request.ip}|${username.trim().toLowerCase()}`;
    await failures.check(key);
    const account = await accounts.verify(username, password);
    if (!account) {
      await failures.failed(key);
      throw unauthenticated("wrong username or password");
    }
    await failures.succeeded(key);
    return signedIn(reply, request, account, await sessions.begin(account));
  });

  app.post("/api/v1/auth/logout", { config: { need: "public" } }, async (request, reply) => {
    if (request.access?.via === "session") await sessions.end(request.access.sessionSecret);
    return reply.clearCookie(SESSION_COOKIE, { path: "/" }).status(204).send();
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
