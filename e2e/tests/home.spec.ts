import { expect, test } from "./fixtures.ts";

test("the home page lists the example workflows served by the real server", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Flowcraft" })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "New workflow" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Create" })).toBeVisible();
  const list = page.getByTestId("workflow-list");
  for (const name of ["task-chain", "fan-out-fan-in", "purchase-order-approval", "job-monitor", "async-http"]) {
    const row = list.getByTestId(`workflow-${name}`);
    await expect(row.getByRole("link", { name, exact: true })).toBeVisible();
    // Published at first start, and not edited since.
    await expect(row.getByRole("cell").nth(1)).toHaveText("version 1");
    await expect(row.getByRole("cell").nth(2)).toHaveText("—");
  }

  await list.getByRole("link", { name: "task-chain", exact: true }).click();
  await expect(page).toHaveURL("/workflows/task-chain");
  await expect(page.getByRole("heading", { name: "task-chain" })).toBeVisible();
});
