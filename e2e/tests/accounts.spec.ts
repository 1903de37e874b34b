/**
 * Accounts in the browser: signing out and in again, changing one's own password, a viewer who is
 * offered no changes (a read-only designer, and the server's refusal when one is forced), and an
 * approver in the group a purchase order's approval is for, who decides it from the inbox and is
 * recorded as its approver.
 */
import { expect, test } from "./fixtures.ts";
import { createAccount, mutate, OWNER, signedInPage, signedInRequest, signInThroughPage, uniqueUsername } from "./test-accounts.ts";

test("signing out shows the sign-in page; a wrong password is refused there, the right one signs in again", async ({ browser, baseURL }) => {
  // A session of its own: signing out ends it, and the other tests keep theirs.
  const page = await signedInPage(browser, baseURL!, OWNER);
  await page.goto("/approvals");
  await expect(page.getByTestId("signed-in-as")).toContainText(`Signed in as ${OWNER.displayName}`);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Sign in to Flowcraft" })).toBeVisible();
  await expect(page.getByTestId("signed-in-as")).toHaveCount(0);
  // Each field is named for assistive technology.
  await expect(page.getByRole("textbox", { name: "Username" })).toBeVisible();
  await expect(page.getByLabel("Password")).toHaveAttribute("type", "password");
  // Signed out on the server too: the cookie no longer opens anything.
  expect((await page.request.get("/api/v1/workflows")).status()).toBe(401);

  await page.getByTestId("login-username").fill(OWNER.username);
  await page.getByTestId("login-password").fill("not the password");
  await page.getByTestId("login-submit").click();
  await expect(page.getByRole("alert")).toHaveText("wrong username or password");
  await expect(page.getByTestId("signed-in-as")).toHaveCount(0);

  await signInThroughPage(page, OWNER);
  // Back where they were, as the same person.
  await expect(page.getByTestId("approvals-inbox")).toBeVisible();
  await expect(page.getByTestId("signed-in-as")).toContainText(OWNER.displayName);
  await page.context().close();
});

test("a person changes their own password in a dialog; their other sessions end, and only the new password signs in", async ({ browser, baseURL, playwright, request }) => {
  const person = await createAccount(request, { username: uniqueUsername("paula"), password: "paula-password-1", roles: [] });
  const newPassword = "paula-password-2";
  const elsewhere = await signedInRequest(playwright, baseURL!, person);
  const page = await signedInPage(browser, baseURL!, person);

  await page.getByRole("button", { name: "Change password" }).click();
  const dialog = page.getByTestId("change-password-dialog");
  await expect(dialog.getByRole("heading", { name: "Change password" })).toBeVisible();
  for (const [label, autocomplete] of [["Current password", "current-password"], ["New password", "new-password"], ["New password again", "new-password"]] as const) {
    await expect(dialog.getByLabel(label, { exact: true })).toHaveAttribute("type", "password");
    await expect(dialog.getByLabel(label, { exact: true })).toHaveAttribute("autocomplete", autocomplete);
  }

  // Checked before sending: the two new entries must match.
  await dialog.getByTestId("current-password").fill("not my password");
  await dialog.getByTestId("new-password").fill(newPassword);
  await dialog.getByTestId("new-password-again").fill(`${newPassword}x`);
  await dialog.getByTestId("change-password-submit").click();
  await expect(dialog.getByTestId("new-password-again-error")).toHaveText("The two new passwords differ.");

  // The server refuses a wrong current password, and the dialog says so in its words.
  await dialog.getByTestId("new-password-again").fill(newPassword);
  await dialog.getByTestId("change-password-submit").click();
  await expect(dialog.getByTestId("change-password-error")).toHaveText("the current password is wrong");
  await expect(dialog.getByTestId("change-password-error")).toHaveAttribute("role", "alert");

  await dialog.getByTestId("current-password").fill(person.password);
  await dialog.getByTestId("change-password-submit").click();
  await expect(dialog.getByTestId("change-password-done")).toHaveText("Password changed; other sessions were signed out.");
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(dialog).toHaveCount(0);
  // This browser stays signed in; the other session does not.
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
  expect((await page.request.get("/api/v1/workflows")).status()).toBe(200);
  expect((await elsewhere.get("/api/v1/workflows")).status()).toBe(401);
  await elsewhere.dispose();

  await page.getByRole("button", { name: "Sign out" }).click();
  await page.getByTestId("login-username").fill(person.username);
  await page.getByTestId("login-password").fill(person.password);
  await page.getByTestId("login-submit").click();
  await expect(page.getByRole("alert")).toHaveText("wrong username or password");
  await signInThroughPage(page, { username: person.username, password: newPassword });
  await page.context().close();
});

test("a session that ends while a page is open (the account disabled) returns to the sign-in page, saying so", async ({ browser, baseURL, request }) => {
  const operator = await createAccount(request, { username: uniqueUsername("otto"), password: "otto-password-1", roles: ["operator"] });
  const page = await signedInPage(browser, baseURL!, operator);
  await expect(page.getByTestId("workflow-list")).toBeVisible();

  await mutate(request, "admin.accounts.update", { username: operator.username, disabled: true });
  await page.getByTestId("nav-instances").click();
  await expect(page.getByRole("heading", { name: "Sign in to Flowcraft" })).toBeVisible();
  await expect(page.getByTestId("sign-in-notice")).toHaveText("Your session has ended; sign in again.");
  await page.getByTestId("login-username").fill(operator.username);
  await page.getByTestId("login-password").fill(operator.password);
  await page.getByTestId("login-submit").click();
  await expect(page.getByRole("alert")).toHaveText("wrong username or password");
  await page.context().close();
});

test("a viewer may look but is offered no change, and sees the server's refusal when one is forced", async ({ browser, baseURL, request }) => {
  const viewer = await createAccount(request, { username: uniqueUsername("vera"), displayName: "Vera Viewer", password: "vera-password-1", roles: [] });
  const started = await request.post("/api/v1/workflows/purchase-order-approval/start", { data: { product: "desk", quantity: 1, cost: 5000 } });
  const { instanceId } = (await started.json()) as { instanceId: string };
  const page = await signedInPage(browser, baseURL!, viewer);

  await expect(page.getByTestId("workflow-list")).toContainText("task-chain");
  await expect(page.getByTestId("create-workflow")).toBeDisabled();
  await expect(page.getByTestId("create-workflow")).toHaveAttribute("title", "It takes the designer role to edit, save and publish workflows");

  await page.goto("/workflows/task-chain");
  await expect(page.getByTestId("canvas")).toBeVisible();
  for (const command of ["publish", "save"]) {
    await expect(page.getByTestId(command)).toBeDisabled();
    await expect(page.getByTestId(command)).toHaveAttribute("title", "It takes the designer role to edit, save and publish workflows");
  }
  await expect(page.getByTestId("run")).toBeDisabled();
  await expect(page.getByTestId("run")).toHaveAttribute("title", "It takes the operator role to start and steer instances");
  await expect(page.getByTestId("palette-activity")).toBeDisabled();
  for (const command of ["auto-layout", "import"]) await expect(page.getByTestId(command)).toBeDisabled();
  // The document is read-only: the inspector's fields are disabled, and the save shortcut says why instead of sending.
  const saves: string[] = [];
  page.on("request", (sent) => {
    if (sent.url().includes("drafts.save")) saves.push(sent.url());
  });
  // The group's title bar: its middle is covered by the steps it holds.
  await page.getByTestId("node-chain").locator(".container-header").click();
  await expect(page.getByTestId("inspector").getByRole("textbox", { name: "Title" })).toBeDisabled();
  await page.keyboard.press("ControlOrMeta+s");
  await expect(page.getByTestId("message")).toHaveText("It takes the designer role to edit, save and publish workflows");
  expect(saves).toEqual([]);
  // Forced all the same, the server refuses it, saying why.
  const { csrfToken } = (await (await page.request.get("/api/v1/auth/session")).json()) as { csrfToken: string };
  const forced = await page.request.post("/trpc/drafts.save", { data: { name: "task-chain", definition: { version: 1, start: "a", nodes: { a: { type: "end" } } }, expectedRevision: 0 }, headers: { "x-flowcraft-csrf": csrfToken } });
  expect(forced.status()).toBe(403);
  expect(await forced.text()).toContain(`${viewer.username} may not design here: that takes the designer role`);
  expect((await request.get("/api/v1/workflows/task-chain")).status()).toBe(200);

  await page.goto(`/instances/${instanceId}`);
  await page.getByText("Steer and re-run").click();
  await expect(page.getByTestId("action-terminate")).toBeDisabled();
  await expect(page.getByTestId("action-terminate")).toHaveAttribute("title", "It takes the operator role to start and steer instances");
  await expect(page.getByTestId("instance-approval-approval").getByTestId("approve")).toBeDisabled({ timeout: 15_000 });
  await expect(page.getByTestId("instance-approval-approval")).toContainText("It takes the approver role to decide approvals");
  await page.context().close();
  expect((await request.post(`/api/v1/instances/${instanceId}/terminate`, { data: {} })).status()).toBe(202);
});

test("an approver in group managers approves a purchase order from the inbox, and the history names them", async ({ browser, baseURL, request }) => {
  const approver = await createAccount(request, { username: uniqueUsername("ann"), displayName: "Ann Approver", password: "ann-password-12", roles: ["approver"], groups: ["managers"] });
  const started = await request.post("/api/v1/workflows/purchase-order-approval/start", { data: { product: "laptop", quantity: 3, cost: 4500 } });
  const { instanceId } = (await started.json()) as { instanceId: string };
  const page = await signedInPage(browser, baseURL!, approver);

  await page.getByTestId("nav-approvals").click();
  const row = page.getByTestId(`approval-row-${instanceId}-approval`);
  await expect(row).toContainText("laptop × 3 for 4500", { timeout: 15_000 });
  await expect(row).toContainText("group managers");
  await row.getByTestId("approval-comment").fill("for the new team");
  await row.getByTestId("approve").click();
  await expect(row).toHaveCount(0);
  // Left only once the decision is taken: leaving earlier would ask first (the request is still on its way).
  await expect(page.getByTestId("approval-confirmed").filter({ hasText: instanceId })).toBeVisible();

  await page.goto(`/instances/${instanceId}`);
  await expect(page.getByTestId("instance-output")).toContainText(`Approved by '${approver.username}'`, { timeout: 30_000 });
  const history = (await (await request.get(`/api/v1/instances/${instanceId}/history`)).json()) as { events: Array<{ type: string }> };
  const decision = history.events.find((event) => event.type === "event_raised");
  expect(decision).toMatchObject({ raisedBy: approver.username, payload: { decision: "approved", approver: approver.username, comment: "for the new team" } });
  await page.context().close();
});
