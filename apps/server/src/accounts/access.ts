/**
 * Who a request comes from: an API token in `Authorization: Bearer`, or a session cookie. A
 * cookie alone never authorises a change: the session's CSRF token must come back in a header,
 * which another site's page cannot send.
 */
import type { IncomingHttpHeaders } from "node:http";
import { forbidden, unauthenticated } from "./access-errors.ts";
import type { ApiTokens } from "./api-tokens.ts";
import { tokenAttempts } from "./attempts.ts";
import { rolesWords, type Permission } from "@flowcraft/access";
import { may, type Principal } from "./roles.ts";
import { sameSecret } from "./secrets.ts";
import type { Sessions } from "./sessions.ts";

export const CSRF_HEADER = "x-flowcraft-csrf";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export type Access = { principal: Principal; via: "token" } | { principal: Principal; via: "session"; csrfToken: string; sessionSecret: string };

/** What a route or procedure needs: anyone, anyone signed in, or a permission. */
export type Need = "public" | "signed_in" | Permission;

export class Authenticator {
  private readonly tokenFailures = tokenAttempts();

  constructor(
    private readonly sessions: Sessions,
    private readonly tokens: ApiTokens,
  ) {}

  /** The caller's access; null when the request carries no credentials. Wrong ones are refused. */
  async accessOf(request: { method: string; headers: IncomingHttpHeaders; ip: string }, sessionSecret: string | undefined): Promise<Access | null> {
    const { method, headers } = request;
    const authorization = headers.authorization;
    if (authorization !== undefined) {
      const token = /^Bearer (\S+)$/i.exec(authorization)?.[1];
      const principal = token ? await this.tokens.principalOf(token) : null;
      if (!principal) {
        // Only unknown tokens are counted, and a valid token is never refused for them: behind a
        // proxy, a guesser shares its address with every good caller.
        await this.tokenFailures.count(request.ip);
        throw unauthenticated("the API token is unknown or revoked (send 'Authorization: Bearer <token>')");
      }
      return { principal, via: "token" };
    }
    if (!sessionSecret) return null;
    const session = await this.sessions.find(sessionSecret);
    if (!session) return null;
    if (!SAFE_METHODS.has(method.toUpperCase())) {
      const sent = headers[CSRF_HEADER];
      if (typeof sent !== "string" || !sameSecret(sent, session.csrfToken)) {
        throw forbidden(`a change asked for with a session cookie needs the session's CSRF token in the ${CSRF_HEADER} header`);
      }
    }
    return { principal: session.principal, via: "session", csrfToken: session.csrfToken, sessionSecret };
  }
}

/** The caller, if they may do what is needed; otherwise a 401 or 403 that says what is missing. */
export function authorize(access: Access | null, need: Need): Principal | null {
  if (need === "public") return access?.principal ?? null;
  if (!access) throw unauthenticated();
  if (need !== "signed_in" && !may(access.principal, need)) {
    throw forbidden(`${access.principal.name} may not ${need} here: that takes ${rolesWords(need)}`);
  }
  return access.principal;
}
