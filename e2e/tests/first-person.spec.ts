/**
 * What the person who set up a fresh installation finds: they approve the seeded purchase order
 * from the inbox without an admin detour and are told it was done, the navigation is on every
 * page, a finished order no longer says it waits, and a change to their own groups shows without
 * a reload.
 */
import { snapshot } from "./designer-helpers.ts";
import { expect, test, type APIRequestContext, type Page } from "./fixtures.ts";
import { OWNER } from "./test-accounts.ts";

const PURCHASE_ORDER = "purchase-order-approval";

/** Started by another system's token: the example keeps whoever placed an order from approving it (four eyes). */
async function placeOrder(request: APIRequestContext, input: unknown): Promise<string> {
  const response = await request.post(`/api/v1/workflows/${PURCHASE_ORDER}/start`, { data: input });
  expect(response.status()).toBe(202);
  return ((await response.json()) as { instanceId: string }).instanceId;
}

function customStatusOf(page: Page) {
  return page.locator("dt", { hasText: "Custom status" }).locator("+ dd");
}

test("the owner of a fresh installation approves the seeded purchase order from the inbox, is told so, and the order ends as approved", async ({ page, request }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const id = await placeOrder(request, { product: "standing desk", quantity: 1, cost: 1200 });
  // Other specs leave approvals of their own waiting: this workflow's fit on the first page.
  await page.goto(`/approvals?workflow=${PURCHASE_ORDER}`);
  const row = page.getByTestId(`approval-row-${id}-approval`);
  await expect(row).toContainText("group managers", { timeout: 15_000 });
  await expect(row.getByTestId("approve")).toBeEnabled();

  await row.getByTestId("approve").click();
  await expect(row).toHaveCount(0);
  const confirmed = page.getByTestId("approval-confirmed").filter({ hasText: id });
  await expect(confirmed).toHaveText(new RegExp(`^Approved ${PURCHASE_ORDER} / ${id}`));
  await snapshot(page, "inbox-confirmation");

  await confirmed.getByRole("link", { name: id }).click();
  await expect(page).toHaveURL(`/instances/${id}`);
  await expect(page.getByTestId("instance-output")).toContainText(`Approved by '${OWNER.username}'`, { timeout: 30_000 });
  // Decided and done: the order's custom status says how it ended, not that it still waits.
  await expect(customStatusOf(page)).toHaveText('"Approved"');
});

test("rejecting in the inbox is confirmed as well", async ({ page, request }) => {
  const id = await placeOrder(request, { product: "gold-plated stapler", quantity: 1, cost: 9000 });
  await page.goto(`/approvals?workflow=${PURCHASE_ORDER}`);
  const row = page.getByTestId(`approval-row-${id}-approval`);
  await row.getByTestId("reject").click({ timeout: 15_000 });
  await expect(page.getByTestId("approval-confirmed").filter({ hasText: id })).toHaveText(new RegExp(`^Rejected ${PURCHASE_ORDER} / ${id}`));
});

test("the global navigation is on the designer and on an instance's page too", async ({ page, request }) => {
  await page.goto(`/workflows/${PURCHASE_ORDER}`);
  await expect(page.getByRole("heading", { name: PURCHASE_ORDER })).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Main" });
  for (const section of ["workflows", "instances", "approvals", "admin"]) await expect(nav.getByTestId(`nav-${section}`)).toBeVisible();
  // The designer is within Workflows, though not the Workflows page itself.
  await expect(nav.getByTestId("nav-workflows").locator("..")).toHaveAttribute("aria-current", "true");
  // The canvas still fills the window below the bar: nothing scrolls.
  expect(await page.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight)).toBe(true);
  await nav.getByTestId("nav-approvals").click();
  await expect(page.getByTestId("approvals-inbox")).toBeVisible();

  const id = await placeOrder(request, { product: "pencils", quantity: 10, cost: 20 });
  await page.goto(`/instances/${id}`);
  await expect(page.getByTestId("instance-page")).toBeVisible();
  await nav.getByTestId("nav-instances").click();
  await expect(page.getByTestId("instances-page")).toBeVisible();
});

test("a change to the owner's own groups takes effect in open pages without a reload", async ({ page, request }) => {
  const group = `auditors-${Date.now().toString(36)}`;
  const workflow = `audit-${Date.now().toString(36)}`;
  const published = await request.put(`/api/v1/workflows/${workflow}`, {
    data: {
      version: 1,
      start: "review",
      nodes: {
        review: { type: "wait", event: "approval_received", approval: { summary: "input.item", groups: [group] }, next: "done" },
        done: { type: "end", output: "steps.review.decision" },
      },
    },
  });
  expect(published.status()).toBe(201);
  const started = await request.post(`/api/v1/workflows/${workflow}/start`, { data: { item: "expenses of March" } });
  const id = ((await started.json()) as { instanceId: string }).instanceId;

  await page.goto(`/approvals?workflow=${workflow}`);
  const approve = page.getByTestId(`approval-row-${id}-review`).getByTestId("approve");
  await expect(approve).toBeDisabled({ timeout: 15_000 });
  await expect(approve).toHaveAttribute("title", `${OWNER.username} may not decide this approval: it is for group ${group}`);

  // Changed elsewhere (another admin, here the tests' token): the open tab follows the server's push, untouched.
  const response = await request.post("/trpc/admin.accounts.update", { data: { username: OWNER.username, groups: ["managers", group] } });
  expect(response.ok()).toBe(true);
  await expect(approve).toBeEnabled({ timeout: 10_000 });

  // On the admin page of this very tab: the owner leaves the group, then goes back to the inbox.
  await page.getByTestId("nav-admin").click();
  const ownRow = page.getByTestId(`account-row-${OWNER.username}`);
  await ownRow.getByTestId("account-groups").fill("managers");
  await ownRow.getByTestId("account-save").click();
  await expect(ownRow.getByTestId("account-save")).toBeDisabled();
  // Back within the app, to the inbox filtered as it was: no reload.
  await page.goBack();
  await expect(approve).toBeDisabled();
});
