/**
 * Edges stay attached to their handles when the handles move: a decision's exits shift when it
 * gains a choice, and a container's exits go down as it grows around a new step.
 */
import { expect, test, type Page } from "./fixtures.ts";
import { boxOf, connect, createWorkflow, dropFromPalette, handle, node, snapshot, workflowName } from "./designer-helpers.ts";

/** Checks that the edge from `source` to `target` leaves `source` at the bottom of its handle `name`. */
async function expectEdgeLeaves(page: Page, source: string, name: string, target: string) {
  const path = page.getByRole("group", { name: `Edge from ${source} to ${target}` }).locator(".react-flow__edge-path");
  await expect(async () => {
    const from = await boxOf(handle(page, source, name));
    const line = await boxOf(path);
    const x = from.x + from.width / 2;
    // The target lies below and to one side: the edge starts at the top left or top right of its box.
    expect(Math.abs(line.y - (from.y + from.height))).toBeLessThan(3);
    expect(Math.min(Math.abs(line.x - x), Math.abs(line.x + line.width - x))).toBeLessThan(3);
  }).toPass({ timeout: 10_000 });
}

test("edges follow a decision's exits when it gains a choice, and a container's as it grows", async ({ page }) => {
  await createWorkflow(page, workflowName("edges-follow-handles"));
  await dropFromPalette(page, "map", { x: 40, y: 30 });
  await expect(node(page, "map1")).toBeVisible();
  await dropFromPalette(page, "decision", { x: 450, y: 30 });
  await expect(node(page, "decision1")).toBeVisible();
  await dropFromPalette(page, "end", { x: 300, y: 380 });
  await expect(node(page, "end1")).toBeVisible();

  await connect(page, handle(page, "decision1", "choice-0"), handle(page, "end1", "in"));
  await expectEdgeLeaves(page, "decision1", "choice-0", "end1");
  await connect(page, handle(page, "map1", "next"), handle(page, "end1", "in"));
  await expectEdgeLeaves(page, "map1", "next", "end1");

  // A second choice: the decision's exits spread out, and choice 1 keeps its edge.
  await node(page, "decision1").click();
  const before = await boxOf(handle(page, "decision1", "choice-0"));
  await page.getByTestId("inspector").getByTestId("add-choice").click();
  await expect(handle(page, "decision1", "choice-1")).toBeVisible();
  await expect.poll(async () => (await boxOf(handle(page, "decision1", "choice-0"))).x).not.toBe(before.x);
  await expectEdgeLeaves(page, "decision1", "choice-0", "end1");
  // The new exit takes an edge of its own.
  await connect(page, handle(page, "decision1", "choice-1"), handle(page, "map1", "in"));
  await expect(page.getByRole("group", { name: "Edge from decision1 to map1" })).toBeAttached();

  // A step dropped into the map near its lower right corner: the map grows, its exits with it.
  const map = await boxOf(node(page, "map1"));
  await dropFromPalette(page, "activity", { x: 40 + 140, y: 30 + map.height - 30 });
  await expect(node(page, "activity1")).toBeVisible();
  await expect.poll(async () => (await boxOf(node(page, "map1"))).height).toBeGreaterThan(map.height);
  await expectEdgeLeaves(page, "map1", "next", "end1");
  await snapshot(page, "edges-follow-handles");
});
