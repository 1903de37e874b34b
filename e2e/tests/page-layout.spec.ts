/**
 * How the list pages sit on common laptop widths: the navigation bar stays one line at 1024 px,
 * the instances filter's controls line up, and the approvals inbox's filter reads as a label
 * beside its list.
 */
import { expect, test } from "./fixtures.ts";

test("the navigation bar stays one line at 1024 px, who is signed in included", async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto("/instances");
  const bar = page.locator("header.app-nav");
  await expect(page.getByTestId("sign-out")).toBeVisible();
  for (const id of ["signed-in-as", "change-password", "sign-out"]) {
    const box = (await page.getByTestId(id).boundingBox())!;
    expect(box.height, `${id} on one line`).toBeLessThan(40);
    expect(box.x + box.width, `${id} within the window`).toBeLessThanOrEqual(1024);
  }
  expect((await bar.boundingBox())!.height).toBeLessThan(50);
  await expect(page.getByTestId("signed-in-as")).toContainText("Olivia Owner");
  await bar.screenshot({ path: test.info().outputPath("nav-1024.png") });
});

test("the approvals inbox's workflow filter has its label beside it, not floating above its middle", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/approvals");
  const select = page.getByTestId("approvals-filter-workflow");
  await expect(select).toBeVisible();
  const label = (await page.locator(".approval-workflow-filter label").boundingBox())!;
  const box = (await select.boundingBox())!;
  expect(label.x + label.width, "the label ends before the list starts").toBeLessThanOrEqual(box.x);
  expect(Math.abs(label.y + label.height / 2 - (box.y + box.height / 2)), "the label level with the list").toBeLessThan(4);
});

test("the instances filter's lists and boxes line up, the id box with the rest", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/instances");
  const ids = ["instance-filter-workflow", "instance-filter-version", "instance-filter-from", "instance-filter-to", "instance-filter-id", "instance-filter-order"];
  await expect(page.getByTestId(ids[0]!)).toBeVisible();
  const boxes = await Promise.all(ids.map(async (id) => ({ id, box: (await page.getByTestId(id).boundingBox())! })));
  const height = boxes[0]!.box.height;
  for (const { id, box } of boxes) {
    // The bar wraps when long workflow names widen the first list: each control lines up with the first of its row.
    const firstInRow = boxes.find((other) => Math.abs(other.box.y - box.y) < height)!;
    expect({ id, top: box.y, height: box.height }).toEqual({ id, top: firstInRow.box.y, height });
  }
});
