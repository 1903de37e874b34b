/**
 * The accounts the browser tests act as, and the calls that make and use them. The server starts
 * with none: auth.setup.ts creates the owner through the first-run page, and an API token with
 * every role for the tests' own REST calls.
 */
import { join } from "node:path";
import { expect, type APIRequestContext, type Page, type PlaywrightWorkerArgs } from "@playwright/test";

type Playwright = PlaywrightWorkerArgs["playwright"];

/** The owner every test but the account tests is signed in as; set-up puts them in group managers, so they may approve purchase orders. */
export const OWNER = { username: "owner", displayName: "Olivia Owner", password: "owner-password-1" } as const;

const AUTH_DIR = join(import.meta.dirname, "..", ".auth");
/** The owner's signed-in browser state, saved by the setup project. */
export const OWNER_STATE_FILE = join(AUTH_DIR, "owner.json");
/** The secret of the API token with every role, saved by the setup project. */
export const API_TOKEN_FILE = join(AUTH_DIR, "api-token.txt");

export const ALL_ROLES = ["admin", "designer", "operator", "approver"] as const;
export type Role = (typeof ALL_ROLES)[number];

export const CSRF_HEADER = "x-flowcraft-csrf";

/** Calls a tRPC mutation over plain HTTP and returns its result, failing the test on an error. */
export async function mutate<T>(request: APIRequestContext, path: string, input: unknown, headers: Record<string, string> = {}): Promise<T> {
  const response = await request.post(`/trpc/${path}`, { data: input, headers });
  const body = await response.json();
  expect(response.ok(), `${path}: ${JSON.stringify(body)}`).toBe(true);
  return (body as { result: { data: T } }).result.data;
}

export interface NewAccount {
  username: string;
  password: string;
  displayName?: string;
  roles: Role[];
  groups?: string[];
}

/** A fresh account, created by an admin (the tests' token). */
export async function createAccount(request: APIRequestContext, account: NewAccount): Promise<NewAccount> {
  await mutate(request, "admin.accounts.create", { groups: [], ...account });
  return account;
}

/** A username no earlier run of the same test has taken (the server keeps its database for a whole run). */
export function uniqueUsername(base: string): string {
  return `${base}-${Date.now().toString(36)}`;
}

/**
 * A request context signed in as someone with a session cookie, as the web app is: it sends the
 * session's CSRF token with every call, which cookie-authenticated changes need.
 */
export async function signedInRequest(playwright: Playwright, baseURL: string, { username, password }: { username: string; password: string }): Promise<APIRequestContext> {
  // Without the owner's cookie, which the config's storageState would otherwise bring.
  const signingIn = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const response = await signingIn.post("/api/v1/auth/login", { data: { username, password } });
  expect(response.status()).toBe(200);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const storageState = await signingIn.storageState();
  await signingIn.dispose();
  return playwright.request.newContext({ baseURL, storageState, extraHTTPHeaders: { [CSRF_HEADER]: csrfToken } });
}

type Browser = PlaywrightWorkerArgs["browser"];

/** A browser page of its own, signed in through the sign-in page as `account`. */
export async function signedInPage(browser: Browser, baseURL: string, account: { username: string; password: string }): Promise<Page> {
  const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto("/");
  await signInThroughPage(page, account);
  return page;
}

export async function signInThroughPage(page: Page, { username, password }: { username: string; password: string }) {
  await page.getByTestId("login-username").fill(username);
  await page.getByTestId("login-password").fill(password);
  await page.getByTestId("login-submit").click();
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
}
