import { expect, test } from "@playwright/test";

test("the home page lists the example workflows served by the real server", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Flowcraft" })).toBeVisible();
  const list = page.getByTestId("workflow-list");
  for (const name of ["task-chain", "fan-out-fan-in", "purchase-order-approval", "job-monitor", "async-http"]) {
    await expect(list.getByText(name, { exact: true })).toBeVisible();
  }
});
