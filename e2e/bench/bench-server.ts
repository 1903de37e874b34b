/**
 * The server a browser benchmark measures: started on a throwaway database, with its
 * owner set up, and calls to it made as that owner, as the web app makes them (session cookie,
 * and the CSRF token with every change).
 */
import { spawn, type ChildProcess } from "node:child_process";
import type { BrowserContext } from "@playwright/test";

const SESSION_COOKIE = "flowcraft_session";
const CSRF_HEADER = "x-flowcraft-csrf";
const OWNER = { username: "bench", password: "bench-password-1" };

/** `databaseUrl`: a fresh Postgres database; empty for the embedded one in `dataDir`. */
export function startServer(port: number, dataDir: string, databaseUrl = ""): ChildProcess {
  return spawn("pnpm", ["--filter", "@flowcraft/server", "start"], {
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATABASE_URL: databaseUrl, FLOWCRAFT_DATA_DIR: dataDir },
    stdio: ["ignore", "ignore", "inherit"],
    // Its own process group, so stopping it also stops the node process pnpm started.
    detached: true,
  });
}

export async function waitForHealth(baseURL: string) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const ok = await fetch(`${baseURL}/api/health`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the server did not answer on ${baseURL} within 2 minutes`);
}

/** The fresh server's owner, signed in. */
export async function setUpOwner(baseURL: string): Promise<OwnerSession> {
  const response = await fetch(`${baseURL}/api/v1/auth/setup`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(OWNER) });
  if (response.status !== 201) throw new Error(`the owner set-up answered ${response.status}: ${await response.text()}`);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const cookie = response.headers.getSetCookie().find((header) => header.startsWith(`${SESSION_COOKIE}=`));
  if (!cookie) throw new Error("the owner set-up set no session cookie");
  return new OwnerSession(baseURL, cookie.slice(SESSION_COOKIE.length + 1).split(";")[0]!, csrfToken);
}

export class OwnerSession {
  constructor(
    private readonly baseURL: string,
    private readonly sessionSecret: string,
    private readonly csrfToken: string,
  ) {}

  /** Signs a browser context in as the owner, so its pages open the app rather than the sign-in page. */
  async signIn(context: BrowserContext) {
    await context.addCookies([{ name: SESSION_COOKIE, value: this.sessionSecret, url: this.baseURL }]);
  }

  async rest(method: string, path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${this.baseURL}${path}`, {
      method,
      headers: { cookie: `${SESSION_COOKIE}=${this.sessionSecret}`, [CSRF_HEADER]: this.csrfToken, ...(body !== undefined ? { "content-type": "application/json" } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
    return response.json();
  }

  /** A tRPC mutation. */
  async trpc(procedure: string, input: unknown): Promise<unknown> {
    return this.rest("POST", `/trpc/${procedure}`, input);
  }
}
