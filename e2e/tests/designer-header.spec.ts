/**
 * The designer's header on common laptop widths: the workflow's name and every command fit on
 * one line at 1280 px, a long name gives way before the commands do, and at narrower widths the
 * commands wrap rather than run off the screen.
 */
import { expect, test } from "./fixtures.ts";
import type { Page } from "@playwright/test";

const COMMANDS = ["undo", "redo", "auto-layout", "fit-view", "import", "export", "toggle-json", "toggle-versions", "save", "publish", "run"];

async function boxesOf(page: Page) {
  const boxes = [];
  for (const id of COMMANDS) boxes.push({ id, box: (await page.getByTestId(id).boundingBox())! });
  return boxes;
}

test("every command of the designer sits on one line at 1280 px, beside the workflow's name", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/workflows/purchase-order-approval");
  await expect(page.getByTestId("publish")).toBeVisible();
  const boxes = await boxesOf(page);
  const rows = new Set(boxes.map(({ box }) => Math.round(box.y)));
  expect(rows.size, `rows of commands: ${JSON.stringify(boxes.map(({ id, box }) => [id, Math.round(box.y)]))}`).toBe(1);
  const title = page.locator(".designer-header h1");
  await expect(title).toHaveText("purchase-order-approval");
  expect((await title.boundingBox())!.height, "the name on one line").toBeLessThan(30);
  await page.screenshot({ path: test.info().outputPath("designer-1280.png") });
});

test("a long name is cut short with its whole self on hover, and the commands stay on screen at 1024 px", async ({ page, request }) => {
  const name = `a-rather-long-workflow-name-that-goes-on-${Date.now().toString(36)}`;
  const definition = { version: 1, start: "done", nodes: { done: { type: "end" } } };
  expect((await request.put(`/api/v1/workflows/${name}`, { data: definition })).status()).toBe(201);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`/workflows/${name}`);
  await expect(page.getByTestId("publish")).toBeVisible();
  expect(new Set((await boxesOf(page)).map(({ box }) => Math.round(box.y))).size).toBe(1);
  await expect(page.locator(".designer-header h1")).toHaveAttribute("title", name);

  await page.setViewportSize({ width: 1024, height: 768 });
  for (const { id, box } of await boxesOf(page)) expect(box.x + box.width, `${id} within the window`).toBeLessThanOrEqual(1024);
  await page.screenshot({ path: test.info().outputPath("designer-1024.png") });
});
