/**
 * Nodes and containers never overlap on the canvas: after drops into nested containers, after a
 * paste and after Auto layout, any two node boxes are either apart or one holds the other.
 * Asserted on the rendered bounding boxes, as a person would see them.
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
  await expect.poll(() => crossings(page), { message: "after the drop" }).toEqual([]);

  const branches = canvas(page).locator(".container-branch");
  await expect(branches).toHaveCount(2);
  const first = await boxOf(branches.first());
  const area = await boxOf(canvas(page));
  await dropFromPalette(page, "activity", { x: first.x - area.x + first.width / 2, y: first.y - area.y + first.height - 30 });
  await expect.poll(() => crossings(page), { message: "after dropping a step into the first branch" }).toEqual([]);

  await page.getByTestId("auto-layout").click();
  await expect.poll(() => crossings(page), { message: "after Auto layout" }).toEqual([]);
  await snapshot(page, "parallel-branches");
});

/** Drops a palette kind into a container, just under its title bar (its lower part may be under the problems panel). */
async function dropInto(page: Page, kind: string, target: string) {
  // The container may have been pushed out of view by what was dropped before.
  await page.getByTestId("fit-view").click();
  // Read again after longer than the view's animation (200 ms), until it stays put.
  let box: Box | null = null;
  await expect
    .poll(async () => {
      const before = box;
      box = await boxOf(node(page, target));
      return JSON.stringify(box) === JSON.stringify(before);
    }, { intervals: [300] })
    .toBe(true);
  const area = await boxOf(canvas(page));
  await dropFromPalette(page, kind, { x: box!.x - area.x + box!.width / 2, y: box!.y - area.y + 56 });
}

test("drops into containers nested three deep, then Auto layout, leave no two boxes crossing", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await createWorkflow(page, workflowName("nested-drops"));
  await dropFromPalette(page, "parallel", { x: 80, y: 140 });
  await expect(canvas(page).locator(".container-branch")).toHaveCount(2);
  const branches = await canvas(page).locator(".container-branch").evaluateAll((all) => all.map((b) => b.getAttribute("data-testid")!.slice("node-".length)));
  await dropInto(page, "map", branches[0]!);
  await expect(node(page, "map1")).toBeVisible();
  await expect.poll(() => crossings(page), { message: "a map dropped into the first branch" }).toEqual([]);
  await dropInto(page, "group", "map1");
  await expect(node(page, "group1")).toBeVisible();
  await expect.poll(() => crossings(page), { message: "an error scope dropped into the map" }).toEqual([]);
  await dropInto(page, "activity", "group1");
  await expect(node(page, "activity1")).toBeVisible();
  await expect.poll(() => crossings(page), { message: "a step dropped into the error scope" }).toEqual([]);
  await dropInto(page, "activity", branches[1]!);
  await expect(node(page, "activity2")).toBeVisible();
  await expect.poll(() => crossings(page), { message: "a step dropped into the second branch" }).toEqual([]);
  expect(within(await boxOf(node(page, "activity1")), await boxOf(node(page, "group1")))).toBe(true);
  expect(within(await boxOf(node(page, "group1")), await boxOf(node(page, "map1")))).toBe(true);

  await page.getByTestId("auto-layout").click();
  await expect.poll(() => crossings(page), { message: "after Auto layout" }).toEqual([]);
  await snapshot(page, "nested-drops");
});

test("a pasted step lands beside its original, selected, covering nothing", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await createWorkflow(page, workflowName("paste-offset"));
  await dropFromPalette(page, "activity", { x: 300, y: 260 });
  await node(page, "activity1").click();
  await page.keyboard.press("ControlOrMeta+c");
  await page.keyboard.press("ControlOrMeta+v");
  await expect(node(page, "activity2")).toBeVisible();
  await expect(canvas(page).locator(".react-flow__node.selected")).toHaveCount(1);
  await expect(canvas(page).locator('.react-flow__node.selected [data-testid="node-activity2"]')).toHaveCount(1);
  const original = await boxOf(node(page, "activity1"));
  const copy = await boxOf(node(page, "activity2"));
  expect(copy).not.toEqual(original);
  await expect.poll(() => crossings(page)).toEqual([]);

  // A step the automatic layout placed (never dragged) is pasted beside it too.
  await page.getByTestId("palette-timer").click();
  await expect(node(page, "timer1")).toBeVisible();
  await node(page, "timer1").click();
  await page.keyboard.press("ControlOrMeta+c");
  await page.keyboard.press("ControlOrMeta+v");
  await expect(node(page, "timer2")).toBeVisible();
  expect(await boxOf(node(page, "timer2"))).not.toEqual(await boxOf(node(page, "timer1")));
  await expect.poll(() => crossings(page)).toEqual([]);
});

test("a container dropped onto the Start marker does not bury it, and Start stays where it was", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await createWorkflow(page, workflowName("start-stays"));
  const start = node(page, "start:");
  const before = await boxOf(start);
  const area = await boxOf(canvas(page));
  await dropFromPalette(page, "map", { x: before.x - area.x + before.width / 2, y: before.y - area.y + before.height / 2 });
  await expect.poll(() => crossings(page)).toEqual([]);
  expect(await boxOf(start), "Start did not move").toEqual(before);
});
