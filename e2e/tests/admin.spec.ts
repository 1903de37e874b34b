/**
 * The admin page: API tokens (the secret shown once, then revoked and refused) and accounts
 * (created with roles and groups, changed, disabled), with every change in the audit log.
 */
import { expect, test } from "./fixtures.ts";
import { mutate, signedInPage, uniqueUsername } from "./test-accounts.ts";

const NO_COOKIES = { cookies: [], origins: [] };

test("an admin creates an API token, sees its secret once, revokes it, and the token is refused from then on", async ({ page, playwright, baseURL }) => {
  const name = uniqueUsername("billing");
  await page.goto("/");
  await page.getByTestId("nav-admin").click();
  await expect(page.getByRole("heading", { name: "Admin", level: 1 })).toBeVisible();

  await page.getByTestId("new-token-name").fill(name);
  await page.getByTestId("new-token-roles-operator").check();
  await page.getByTestId("new-token-submit").click();
  const shown = page.getByTestId("new-token");
  await expect(shown).toContainText("it will not be shown again");
  const secret = (await page.getByTestId("token-secret").textContent())!.trim();
  expect(secret).toMatch(/^fc_/);
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.getByTestId("copy-token-secret").click();
  await expect(shown.getByRole("status")).toHaveText("Copied.");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);

  const asToken = await playwright.request.newContext({ baseURL, storageState: NO_COOKIES, extraHTTPHeaders: { authorization: `Bearer ${secret}` } });
  expect((await asToken.get("/api/v1/workflows")).status()).toBe(200);

  await page.getByTestId("dismiss-token-secret").click();
  await expect(page.getByTestId("token-secret")).toHaveCount(0);
  await page.reload();
  const row = page.getByTestId(`token-row-${name}`);
  await expect(row).toContainText("operator");
  await expect(page.getByText(secret)).toHaveCount(0);

  page.once("dialog", (dialog) => void dialog.accept());
  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  await expect(row.getByTestId("token-state")).toHaveText("revoked");
  const refused = await asToken.get("/api/v1/workflows");
  expect(refused.status()).toBe(401);
  expect(await refused.text()).toContain("unknown or revoked");
  await asToken.dispose();

  const audit = page.getByTestId("audit-list");
  await expect(audit.getByTestId("audit-entry").filter({ hasText: name }).first()).toContainText("token.revoked");
  await expect(audit.getByTestId("audit-entry").filter({ hasText: "token.created" }).filter({ hasText: name })).toHaveCount(1);
});

test("an admin adds an account with roles and groups, changes them and disables it; only admins are offered the page", async ({ page, browser, baseURL, playwright, request }) => {
  const username = uniqueUsername("pat");
  const password = "pat-password-12";
  await page.goto("/admin");
  await page.getByTestId("new-account-username").fill(username);
  await page.getByTestId("new-account-display-name").fill("Pat Designer");
  await page.getByTestId("new-account-password").fill(password);
  await page.getByTestId("new-account-groups").fill("finance");
  await page.getByTestId("new-account-roles-designer").check();
  await page.getByTestId("new-account-submit").click();
  await expect(page.getByRole("status").filter({ hasText: `Account ${username} created.` })).toBeVisible();

  const row = page.getByTestId(`account-row-${username}`);
  await expect(row).toContainText("Pat Designer");
  await expect(row.getByTestId("account-roles-designer")).toBeChecked();
  await expect(row.getByTestId("account-groups")).toHaveValue("finance");

  // Someone without the admin role is not offered the page, and is told why if they go there.
  const patsPage = await signedInPage(browser, baseURL!, { username, password });
  await expect(patsPage.getByTestId("nav-workflows")).toBeVisible();
  await expect(patsPage.getByTestId("nav-admin")).toHaveCount(0);
  await patsPage.goto("/admin");
  await expect(patsPage.getByRole("alert")).toHaveText("It takes the admin role to manage accounts and API tokens.");
  await patsPage.context().close();

  await expect(row.getByTestId("account-save")).toBeDisabled();
  await row.getByTestId("account-roles-operator").check();
  await row.getByTestId("account-groups").fill("finance, managers");
  await row.getByTestId("account-save").click();
  await expect(row.getByTestId("account-save")).toBeDisabled();
  const listed = await (await request.get(`/trpc/admin.accounts.list`)).json();
  expect((listed as { result: { data: Array<{ username: string }> } }).result.data.find((account) => account.username === username)).toMatchObject({
    roles: ["designer", "operator"],
    groups: ["finance", "managers"],
  });

  await row.getByTestId("account-disable").click();
  await expect(row.getByTestId("account-state")).toHaveText("disabled");
  const signIn = await playwright.request.newContext({ baseURL, storageState: NO_COOKIES });
  expect((await signIn.post("/api/v1/auth/login", { data: { username, password } })).status()).toBe(401);
  await signIn.dispose();
  await row.getByTestId("account-disable").click();
  await expect(row.getByTestId("account-state")).toHaveText("active");
  await expect(page.getByTestId("audit-list").getByTestId("audit-entry").first()).toContainText("account.updated");
  // A password set by the admin replaces the old one.
  await row.getByTestId("account-new-password").fill("pat-new-password-3");
  await row.getByTestId("account-set-password").click();
  await expect(row.getByRole("status")).toContainText("Password set");
  const again = await playwright.request.newContext({ baseURL, storageState: NO_COOKIES });
  expect((await again.post("/api/v1/auth/login", { data: { username, password } })).status()).toBe(401);
  expect((await again.post("/api/v1/auth/login", { data: { username, password: "pat-new-password-3" } })).status()).toBe(200);
  await again.dispose();
  // The admin cannot lock themselves out.
  await expect(page.getByTestId("account-row-owner").getByTestId("account-disable")).toBeDisabled();
  await mutate(request, "admin.accounts.update", { username, disabled: true });
});

test("an admin sets a secret; an http step sends it only to its host, and neither the page nor the history shows it", async ({ page, request, baseURL }) => {
  // The secret is an API token of its own, so the step's call to this server shows it arrived.
  const { secret: token } = await mutate<{ secret: string }>(request, "admin.tokens.create", { name: uniqueUsername("secret-check"), roles: [] });
  const name = uniqueUsername("own-api");
  await page.goto("/admin");
  await page.getByTestId("new-secret-name").fill(name);
  await page.getByTestId("new-secret-value").fill(token);
  await page.getByTestId("new-secret-hosts").fill("127.0.0.1");
  await page.getByTestId("new-secret-submit").click();
  await expect(page.getByTestId(`secret-row-${name}`)).toContainText("127.0.0.1");
  await expect(page.getByText(token)).toHaveCount(0);

  const workflow = uniqueUsername("secret-caller");
  const published = await request.put(`/api/v1/workflows/${workflow}`, {
    data: {
      version: 1,
      start: "call",
      nodes: { call: { type: "activity", activity: "http", input: `{'url': input.url, 'headers': {'authorization': 'Bearer {{secret:${name}}}'}}` } },
    },
  });
  expect(published.status()).toBe(201);
  const run = async (url: string) => {
    const started = await request.post(`/api/v1/workflows/${workflow}/start`, { data: { url } });
    const { instanceId } = (await started.json()) as { instanceId: string };
    await expect.poll(async () => ((await (await request.get(`/api/v1/instances/${instanceId}`)).json()) as { runtimeStatus: string }).runtimeStatus, { timeout: 15_000 }).not.toMatch(/PENDING|RUNNING/);
    return instanceId;
  };
  const port = new URL(baseURL!).port;
  const sent = await run(`http://127.0.0.1:${port}/api/v1/workflows`);
  expect(await (await request.get(`/api/v1/instances/${sent}`)).json()).toMatchObject({ runtimeStatus: "COMPLETED", output: { status: 200 } });
  const history = await (await request.get(`/api/v1/instances/${sent}/history`)).text();
  expect(history).not.toContain(token);
  expect(history).toContain(`{{secret:${name}}}`);

  const elsewhere = await run(`http://localhost:${port}/api/v1/workflows`);
  expect(await (await request.get(`/api/v1/instances/${elsewhere}`)).json()).toMatchObject({
    runtimeStatus: "FAILED",
    failure: { name: "SecretRefused", message: expect.stringContaining("not to localhost") },
  });
});
