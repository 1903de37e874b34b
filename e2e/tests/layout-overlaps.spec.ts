/**
 * Nodes and containers never overlap on the canvas: after drops into nested containers, and after
 * Auto layout, any two node boxes are either apart or one holds the other. Asserted on the
 * rendered bounding boxes, as a person would see them.
 */
import { expect, test, type Page } from "./fixtures.ts";
import { boxOf, canvas, createWorkflow, dropFromPalette, expectLaidOut, node, overlaps, snapshot, within, workflowName, type Box } from "./designer-helpers.ts";

/** Every node box on the canvas, by node id. */
async function nodeBoxes(page: Page): Promise<Map<string, Box>> {
  await expectLaidOut(page);
  const nodes = canvas(page).locator('[data-testid^="node-"]');
  const boxes = new Map<string, Box>();
  for (const locator of await nodes.all()) boxes.set((await locator.getAttribute("data-testid"))!.slice("node-".length), await boxOf(locator));
  return boxes;
}

/** Pairs of nodes whose boxes cross without one holding the other. */
async function crossings(page: Page): Promise<string[]> {
  const boxes = [...(await nodeBoxes(page))];
  const found: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, boxA] = boxes[i]!;
      const [b, boxB] = boxes[j]!;
      if (overlaps(boxA, boxB) && !within(boxA, boxB) && !within(boxB, boxA)) found.push(`${a} × ${b}`);
    }
  }
  return found;
}

test("empty branches of a parallel fan-out, and a step dropped into one, never overlap, before or after Auto layout", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await createWorkflow(page, workflowName("no-overlaps"));
  await dropFromPalette(page, "parallel", { x: 80, y: 140 });
  await expect(canvas(page).locator('[data-testid^="node-"]')).not.toHaveCount(1);
  expect(await crossings(page), "after the drop").toEqual([]);

  const branches = canvas(page).locator(".container-branch");
  await expect(branches).toHaveCount(2);
  const first = await boxOf(branches.first());
  const area = await boxOf(canvas(page));
  await dropFromPalette(page, "activity", { x: first.x - area.x + first.width / 2, y: first.y - area.y + first.height - 30 });
  expect(await crossings(page), "after dropping a step into the first branch").toEqual([]);

  await page.getByTestId("auto-layout").click();
  expect(await crossings(page), "after Auto layout").toEqual([]);
  await snapshot(page, "parallel-branches");
});

test("a container dropped onto the Start marker does not bury it, and Start stays where it was", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await createWorkflow(page, workflowName("start-stays"));
  const start = node(page, "start:");
  const before = await boxOf(start);
  const area = await boxOf(canvas(page));
  await dropFromPalette(page, "map", { x: before.x - area.x + before.width / 2, y: before.y - area.y + before.height / 2 });
  expect(await crossings(page)).toEqual([]);
  expect(await boxOf(start), "Start did not move").toEqual(before);
});
