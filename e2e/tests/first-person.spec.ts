/**
 * What the person who set up a fresh installation finds: they approve the seeded purchase order
 * from the inbox without an admin detour, a finished order no longer says it waits, and the
 * navigation is on every page.
 */
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

test("the owner of a fresh installation approves the seeded purchase order from the inbox, and the order ends as approved", async ({ page, request }) => {
  const id = await placeOrder(request, { product: "standing desk", quantity: 1, cost: 1200 });
  await page.goto("/approvals");
  const row = page.getByTestId(`approval-row-${id}-approval`);
  await expect(row).toContainText("group managers", { timeout: 15_000 });
  await expect(row.getByTestId("approve")).toBeEnabled();

  await row.getByTestId("approve").click();
  await expect(row).toHaveCount(0);
  await page.goto(`/instances/${id}`);
  await expect(page.getByTestId("instance-output")).toContainText(`Approved by '${OWNER.username}'`, { timeout: 30_000 });
  // Decided and done: the order's custom status says how it ended, not that it still waits.
  await expect(customStatusOf(page)).toHaveText('"Approved"');
});

test("the global navigation is on the designer and on an instance's page too", async ({ page, request }) => {
  await page.goto(`/workflows/${PURCHASE_ORDER}`);
  await expect(page.getByRole("heading", { name: PURCHASE_ORDER })).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Main" });
  for (const section of ["workflows", "instances", "approvals", "admin"]) await expect(nav.getByTestId(`nav-${section}`)).toBeVisible();
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
