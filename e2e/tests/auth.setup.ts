/**
 * The first-run owner set-up, through the page a fresh installation shows, and what the other
 * tests need of it: the owner's signed-in browser state and an API token with every role. The
 * owner is in group managers, which the example purchase-order approval is for, by set-up alone.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { expect, test as setup } from "@playwright/test";
import { snapshot } from "./designer-helpers.ts";
import { ALL_ROLES, API_TOKEN_FILE, CSRF_HEADER, mutate, OWNER, OWNER_STATE_FILE } from "./test-accounts.ts";

setup("first-run owner set-up", async ({ page, request }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto("/instances");
  await expect(page.getByRole("heading", { name: "Create the owner account" })).toBeVisible();
  // Whose set-up this is, in a line.
  await expect(page.getByTestId("setup-product")).toHaveText(/^Flowcraft — /);

  // Usernames are lowercase: whoever types capitals is told what they will sign in as.
  const typed = OWNER.username[0]!.toUpperCase() + OWNER.username.slice(1);
  await page.getByTestId("setup-username").fill(typed);
  await expect(page.getByTestId("setup-username-note")).toHaveText(`You will sign in as ${OWNER.username}`);
  await expect(page.getByRole("textbox", { name: "Username" })).toHaveAccessibleDescription(new RegExp(`You will sign in as ${OWNER.username}`));
  await page.getByTestId("setup-display-name").fill(OWNER.displayName);
  await snapshot(page, "setup-page");

  await page.getByTestId("setup-password").fill("too short");
  await page.getByTestId("setup-submit").click();
  await expect(page.getByTestId("setup-password-error")).toHaveText("The password must be at least 10 characters long.");
  await expect(page.getByRole("textbox", { name: "Password", exact: true })).toHaveAttribute("aria-invalid", "true");

  await page.getByTestId("setup-password").fill(OWNER.password);
  await page.getByTestId("setup-password-again").fill(`${OWNER.password}x`);
  await page.getByTestId("setup-submit").click();
  await expect(page.getByTestId("setup-password-again-error")).toHaveText("The two passwords differ.");

  await page.getByTestId("setup-password-again").fill(OWNER.password);
  await page.getByTestId("setup-submit").click();
  // Straight into the page that was asked for, signed in.
  await expect(page.getByTestId("signed-in-as")).toContainText(OWNER.displayName);
  await expect(page.getByTestId("instances-page")).toBeVisible();

  // Set up once: a second set-up, from anyone, is refused; and a reload stays signed in.
  const again = await request.post("/api/v1/auth/setup", { data: { username: "intruder", password: "intruder-password" } });
  expect(again.status()).toBe(409);
  await page.reload();
  await expect(page.getByTestId("signed-in-as")).toContainText(OWNER.displayName);

  const session = (await (await page.request.get("/api/v1/auth/session")).json()) as { csrfToken: string };
  const csrf = { [CSRF_HEADER]: session.csrfToken };
  const { secret } = await mutate<{ secret: string }>(page.request, "admin.tokens.create", { name: "browser tests", roles: ALL_ROLES }, csrf);

  mkdirSync(dirname(API_TOKEN_FILE), { recursive: true });
  writeFileSync(API_TOKEN_FILE, secret);
  await page.context().storageState({ path: OWNER_STATE_FILE });
});
