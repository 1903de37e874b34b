/**
 * `test` and `expect` for every spec: `request` calls the API with the setup's token (every
 * role; no CSRF header needed), while `page` is signed in as the owner by its saved state.
 */
import { readFileSync } from "node:fs";
import { test as base } from "@playwright/test";
import { API_TOKEN_FILE } from "./test-accounts.ts";

export { expect } from "@playwright/test";
export type { APIRequestContext, Locator, Page } from "@playwright/test";

export const test = base.extend({
  request: async ({ playwright, baseURL }, use) => {
    const request = await playwright.request.newContext({
      baseURL,
      // The token alone: the owner's session cookie from the config's storageState would add nothing.
      storageState: { cookies: [], origins: [] },
      extraHTTPHeaders: { authorization: `Bearer ${readFileSync(API_TOKEN_FILE, "utf8")}` },
    });
    await use(request);
    await request.dispose();
  },
});
