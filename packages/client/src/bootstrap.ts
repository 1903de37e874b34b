/**
 * The first-run set-up without a browser: the owner account, through the same set-up route the
 * web app's first page uses, then the first API token, created as that owner through the route
 * the Admin page uses. The server refuses the set-up once an owner exists, so this can never
 * replace one.
 */
import createClient from "openapi-fetch";
import { answerError, FlowcraftError, unreachable } from "./errors.ts";
import type { paths } from "./schema.ts";

export interface BootstrapOptions {
  url: string;
  username: string;
  password: string;
  displayName?: string;
  /** The first token's name (default `bootstrap`). */
  tokenName?: string;
  fetch?: typeof fetch;
}

export interface Bootstrapped {
  owner: string;
  tokenName: string;
  /** The token's secret: shown this once, never again. */
  token: string;
}

/** Every role: the first token sets up the rest of the installation. */
const FIRST_TOKEN_ROLES = ["admin", "designer", "operator", "approver"];
const CSRF_HEADER = "x-flowcraft-csrf";

export async function bootstrap({ url, username, password, displayName, tokenName = "bootstrap", fetch: fetchImpl = globalThis.fetch }: BootstrapOptions): Promise<Bootstrapped> {
  const baseUrl = url.replace(/\/+$/, "");
  const send = async (input: Request | string, init?: RequestInit) => {
    try {
      return await fetchImpl(input, init);
    } catch (error) {
      throw unreachable(baseUrl, error);
    }
  };
  const api = createClient<paths>({ baseUrl, fetch: (request) => send(request) });

  const setup = await api.POST("/api/v1/auth/setup", { body: { username, password, ...(displayName ? { displayName } : {}) } });
  if (!setup.response.ok) throw answerError(setup.response, setup.error);
  const csrfToken = setup.data?.csrfToken ?? "";
  const cookie = setup.response.headers.getSetCookie().map((line) => line.split(";")[0]).join("; ");
  const session = { cookie, [CSRF_HEADER]: csrfToken };

  try {
    const created = await send(`${baseUrl}/trpc/admin.tokens.create`, {
      method: "POST",
      headers: { ...session, "content-type": "application/json" },
      body: JSON.stringify({ name: tokenName, roles: FIRST_TOKEN_ROLES }),
    });
    const body = (await created.json().catch(() => null)) as { result?: { data?: { secret?: string } }; error?: { message?: string } } | null;
    const token = body?.result?.data?.secret;
    if (!created.ok || !token) throw new FlowcraftError(body?.error?.message ?? `${created.status} from ${created.url}`, created.status, "token_refused");
    return { owner: username, tokenName, token };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new FlowcraftError(`the owner "${username}" was created, but not the token (${why}); sign in with the password and create a token on the Admin page`, (error as FlowcraftError).status ?? 0, "token_refused", [], { cause: error });
  } finally {
    await send(`${baseUrl}/api/v1/auth/logout`, { method: "POST", headers: session }).catch(() => undefined);
  }
}
