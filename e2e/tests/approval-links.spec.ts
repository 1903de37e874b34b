/**
 * A signed approval link, as an approver gets it by e-mail: opening it asks to confirm, confirming
 * decides once, and using it again, or an altered copy, opens a page that says so and changes nothing.
 */
import { expect, test } from "./fixtures.ts";
import { createAccount, uniqueUsername } from "./test-accounts.ts";

test("an approval link decides once; used twice or altered, its page says so and nothing changes", async ({ browser, request }) => {
  const approver = await createAccount(request, { username: uniqueUsername("link-approver"), password: "approver-password-1", roles: ["approver"], groups: ["managers"] });
  const started = await request.post("/api/v1/workflows/purchase-order-approval/start", { data: { product: "projector", quantity: 1, cost: 2500 } });
  const { instanceId } = (await started.json()) as { instanceId: string };
  await expect.poll(async () => ((await (await request.get(`/api/v1/approvals?instanceId=${instanceId}`)).json()) as { approvals: unknown[] }).approvals.length, { timeout: 15_000 }).toBe(1);

  const links = await request.post(`/api/v1/instances/${instanceId}/approvals/approval/links`, { data: { approver: approver.username } });
  expect(links.status()).toBe(201);
  const { approve } = (await links.json()) as { approve: string };

  // A mail client's browser: nobody is signed in there.
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto(approve);
  await expect(page.getByRole("heading")).toHaveText("Approve: projector × 1 for 2500");
  await page.getByTestId("confirm-decision").click();
  await expect(page.getByTestId("approval-link-title")).toHaveText("Approved");
  await expect(page.getByTestId("approval-link-text")).toContainText(`decided by ${approver.username}`);
  await expect.poll(async () => ((await (await request.get(`/api/v1/instances/${instanceId}`)).json()) as { output: unknown }).output, { timeout: 15_000 }).toBe(
    `Approved by '${approver.username}'`,
  );

  // The same link again: opened, there is nothing left to decide; confirmed anyway, it is refused.
  await page.goto(approve);
  await expect(page.getByTestId("approval-link-title")).toHaveText("Nothing to decide");
  const again = await page.request.post(approve);
  expect(again.status()).toBe(409);
  expect(await again.text()).toContain(`already decided: approved by ${approver.username}`);

  const token = approve.split("/").at(-1)!;
  await page.goto(`/approval-links/${token.slice(0, -3)}${token.endsWith("AAA") ? "BBB" : "AAA"}`);
  await expect(page.getByTestId("approval-link-title")).toHaveText("Link not valid");
  await expect(page.getByTestId("approval-link-text")).toContainText("Nothing was changed");
  await context.close();
});
