/**
 * The REST calls behind signing in: who is signed in, the first-run set-up, sign-in, sign-out and
 * changing one's own password. Everything else goes through tRPC (lib/api.ts).
 */
import type { api } from "../lib/api.ts";

/** An account, as the server shows it everywhere: the auth routes answer with the same view the admin procedures list. */
export type Account = Awaited<ReturnType<typeof api.admin.accounts.list.query>>[number];

/** `GET /api/v1/auth/session`. */
export interface SessionAnswer {
  needsSetup: boolean;
  account: Account | null;
  csrfToken: string | null;
}

/** A session just begun: by set-up or sign-in. */
export interface SignedIn {
  account: Account;
  csrfToken: string;
}

/** The header a cookie-authenticated change must carry the session's CSRF token in (server: accounts/access.ts). */
export const CSRF_HEADER = "x-flowcraft-csrf";

/** A refused auth request, with the server's words. */
export class AuthRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "AuthRequestError";
  }
}

async function call<T>(method: "GET" | "POST", path: string, body?: object, csrfToken?: string | null): Promise<T> {
  const headers: Record<string, string> = {};
  if (body) headers["content-type"] = "application/json";
  if (csrfToken) headers[CSRF_HEADER] = csrfToken;
  const response = await fetch(`/api/v1/auth/${path}`, { method, headers, ...(body ? { body: JSON.stringify(body) } : {}) });
  if (response.status === 204) return undefined as T;
  const answer = (await response.json().catch(() => null)) as ({ error?: { message?: string } } & T) | null;
  if (!response.ok) throw new AuthRequestError(response.status, answer?.error?.message ?? `the server answered ${response.status}`);
  return answer as T;
}

let earlySession: Promise<SessionAnswer> | null = null;

/** Asks who is signed in while the app's script is still loading; the first `authRequests.session()` takes the answer. */
export function askSessionEarly() {
  earlySession = call<SessionAnswer>("GET", "session");
  // Taken later, or never: a failure is reported to whoever takes it.
  earlySession.catch(() => undefined);
}

export const authRequests = {
  session: () => {
    const answer = earlySession ?? call<SessionAnswer>("GET", "session");
    earlySession = null;
    return answer;
  },
  setup: (input: { username: string; password: string; displayName?: string }) => call<SignedIn>("POST", "setup", input),
  login: (input: { username: string; password: string }) => call<SignedIn>("POST", "login", input),
  logout: (csrfToken: string | null) => call<void>("POST", "logout", undefined, csrfToken),
  changePassword: (input: { currentPassword: string; newPassword: string }, csrfToken: string | null) => call<void>("POST", "password", input, csrfToken),
};
