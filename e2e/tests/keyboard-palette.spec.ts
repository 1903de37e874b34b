/**
 * The palette without a mouse: its items are buttons in the Tab order, and Enter adds a step into
 * the selected container, or after the selected step, connected.
 */
import { expect, test } from "./fixtures.ts";
import { boxOf, createWorkflow, expectInClearView, node, showJson, shownDefinition, snapshot, within, workflowName } from "./designer-helpers.ts";

const PALETTE = [
  ["activity", "Add Activity step"],
  ["subworkflow", "Add Sub-workflow"],
  ["parallel", "Add Fan-out: branches"],
  ["map", "Add Fan-out: map"],
  ["wait", "Add Wait for event"],
  ["timer", "Add Timer"],
  ["decision", "Add Decision"],
  ["monitor", "Add Monitor loop"],
  ["group", "Add Error scope (group)"],
  ["end", "Add End"],
  ["fail", "Add Fail"],
] as const;

test("palette items are reached with Tab and Enter adds steps, into the selected container or after the selected step", async ({ page }) => {
  await createWorkflow(page, workflowName("keyboard-only"));
  // The JSON view stays open to show the document; from here on, only the keyboard.
  await showJson(page);
  for (const [kind, name] of PALETTE) await expect(page.getByRole("button", { name, exact: true })).toHaveAttribute("data-testid", `palette-${kind}`);

  // Tab reaches the first palette item, then each of the others in order.
  const first = page.getByTestId("palette-activity");
  for (let presses = 0; presses < 40 && !(await first.evaluate((element) => element === document.activeElement)); presses++) {
    await page.keyboard.press("Tab");
  }
  await expect(first).toBeFocused();
  for (const [kind] of PALETTE.slice(1)) {
    await page.keyboard.press("Tab");
    await expect(page.getByTestId(`palette-${kind}`)).toBeFocused();
  }

  // Back to "Fan-out: map", and Enter: a map step, selected, brought into view on the canvas and shown in the inspector.
  const mapAt = PALETTE.findIndex(([kind]) => kind === "map");
  for (let i = PALETTE.length - 1; i > mapAt; i--) await page.keyboard.press("Shift+Tab");
  await expect(page.getByTestId("palette-map")).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(async () => expectInClearView(page, "map1")).toPass({ timeout: 10_000 });
  await expect(page.getByTestId("inspector").getByRole("heading")).toHaveText("Fan-out (map)");
  await expect(page.getByTestId("palette-map")).toBeFocused();

  // With the map selected, an activity added from the keyboard goes into its body.
  for (let i = 0; i < mapAt; i++) await page.keyboard.press("Shift+Tab");
  await expect(first).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(async () => expectInClearView(page, "activity1")).toPass({ timeout: 10_000 });
  await expect(page.getByTestId("inspector").getByRole("heading")).toHaveText("Activity");
  let definition = await shownDefinition(page);
  expect(definition.nodes.map1?.body).toMatchObject({ start: "activity1", nodes: { activity1: { type: "activity" } } });
  expect(Object.keys(definition.nodes)).toEqual(["map1"]);
  // Drawn inside the map's frame.
  await expect.poll(async () => within(await boxOf(node(page, "activity1")), await boxOf(node(page, "map1")))).toBe(true);

  // With a plain step selected, Enter on "End" adds after it, connected, in the same graph.
  for (let i = 0; i < PALETTE.length - 2; i++) await page.keyboard.press("Tab");
  await expect(page.getByTestId("palette-end")).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(async () => expectInClearView(page, "end1")).toPass({ timeout: 10_000 });
  definition = await shownDefinition(page);
  expect(Object.keys(definition.nodes)).toEqual(["map1"]);
  expect(definition.nodes.map1?.body).toMatchObject({ start: "activity1", nodes: { activity1: { type: "activity", next: "end1" }, end1: { type: "end" } } });
  await expect(page.getByRole("group", { name: "Edge from activity1 to end1" })).toBeAttached();
  expect(within(await boxOf(node(page, "end1")), await boxOf(node(page, "map1")))).toBe(true);
  await snapshot(page, "added-from-keyboard");
});
