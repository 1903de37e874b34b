/**
 * Adding steps as fast as in n8n: each palette click adds the step after the selected one,
 * connected; the "+" under a free exit opens a searchable picker of kinds and activities; and
 * Ctrl/Cmd+K opens a command palette of steps and designer commands. Exits say what they mean.
 */
import { expect, test, type Page } from "./fixtures.ts";
import { canvas, createWorkflow, expectLaidOut, field, handle, node, shownDefinition, snapshot, workflowName } from "./designer-helpers.ts";

test.use({ viewport: { width: 1440, height: 900 } });

const edge = (page: Page, from: string, to: string) => page.getByRole("group", { name: `Edge from ${from} to ${to}` });
const addAfter = (page: Page, id: string, exit: string) => page.getByTestId(`add-after-${id}-${exit}`);

/** Clears the selection by clicking an empty part of the canvas. */
async function clickEmptyCanvas(page: Page) {
  await canvas(page).click({ position: { x: 12, y: 12 } });
  await expect(page.getByTestId("inspector")).toContainText("Select a node to edit it.");
}

test("palette clicks build a connected chain, each new step selected, each one undo step", async ({ page }) => {
  await createWorkflow(page, workflowName("click-chain"));
  for (const [kind, id] of [
    ["activity", "activity1"],
    ["timer", "timer1"],
    ["end", "end1"],
  ] as const) {
    await page.getByTestId(`palette-${kind}`).click();
    await expect(field(page, "id")).toHaveValue(id);
    await expect(node(page, id).locator("xpath=..")).toHaveClass(/\bselected\b/);
  }
  await expect(edge(page, "start:", "activity1")).toBeAttached();
  await expect(edge(page, "activity1", "timer1")).toBeAttached();
  await expect(edge(page, "timer1", "end1")).toBeAttached();
  const definition = await shownDefinition(page);
  expect(definition).toMatchObject({ start: "activity1", nodes: { activity1: { next: "timer1" }, timer1: { next: "end1" }, end1: { type: "end" } } });

  // With the activity selected, a decision goes in between it and the timer.
  await node(page, "activity1").click();
  await page.getByTestId("palette-decision").click();
  await expect(field(page, "id")).toHaveValue("decision1");
  await expect(edge(page, "activity1", "decision1")).toBeAttached();
  await expect(edge(page, "decision1", "timer1")).toBeAttached();

  // One undo takes the decision back out, and the chain is whole again.
  await page.getByTestId("undo").click();
  await expect(node(page, "decision1")).toHaveCount(0);
  await expect(edge(page, "activity1", "timer1")).toBeAttached();
  expect((await shownDefinition(page)).nodes).toEqual(definition.nodes);

  // An End has no exit: the step goes to the end of the main path, and since that path ends at
  // the End, there is no obvious place to connect it: it stands apart.
  await node(page, "end1").click();
  await page.getByTestId("palette-activity").click();
  await expect(field(page, "id")).toHaveValue("activity2");
  expect((await shownDefinition(page)).nodes.end1).toEqual({ type: "end" });
  await snapshot(page, "chain");
});

test("the + under a decision's choice picks an activity by name, connected from that choice", async ({ page }) => {
  await createWorkflow(page, workflowName("plus-picker"));
  await page.getByTestId("palette-decision").click();
  await expect(field(page, "id")).toHaveValue("decision1");
  await expectLaidOut(page);

  await addAfter(page, "decision1", "choice-0").click();
  const picker = page.getByRole("dialog", { name: /Add a step after/ });
  await expect(picker).toBeVisible();
  const search = picker.getByRole("combobox", { name: "Find a step" });
  await expect(search).toBeFocused();
  await search.fill("multiply");
  await expect(picker.getByRole("option")).toHaveText([/multiply_by_two/]);
  await snapshot(page, "picker");
  await page.keyboard.press("Enter");
  await expect(picker).toHaveCount(0);
  await expect(field(page, "id")).toHaveValue("activity1");
  await expect(field(page, "activity")).toHaveValue("multiply_by_two");
  await expect(edge(page, "decision1", "activity1")).toBeAttached();
  expect((await shownDefinition(page)).nodes).toMatchObject({
    decision1: { choices: [{ when: "true", next: "activity1" }] },
    activity1: { type: "activity", activity: "multiply_by_two" },
  });
  // A connected exit offers no "+".
  await expect(addAfter(page, "decision1", "choice-0")).toHaveCount(0);

  // Escape closes the picker and adds nothing.
  await addAfter(page, "decision1", "default").click();
  await expect(picker).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(picker).toHaveCount(0);

  // Arrow keys move through the list; a click chooses too.
  await addAfter(page, "decision1", "default").click();
  await search.fill("fa");
  await page.keyboard.press("ArrowDown");
  await expect(picker.getByRole("option", { selected: true })).toBeVisible();
  await picker.getByRole("option", { name: "Fail", exact: true }).click();
  await expect(field(page, "id")).toHaveValue("fail1");
  await expect(edge(page, "decision1", "fail1")).toBeAttached();
  expect((await shownDefinition(page)).nodes.decision1).toMatchObject({ default: "fail1" });
});

test("Ctrl+K finds commands and steps by name: auto layout, then a timer after the selection", async ({ page }) => {
  await createWorkflow(page, workflowName("command-palette"));
  await page.getByTestId("palette-activity").click();
  await expect(field(page, "id")).toHaveValue("activity1");
  expect((await shownDefinition(page)).ui).toBeUndefined();

  // Not inside a field of the inspector: there Ctrl+K belongs to the field.
  await field(page, "title").focus();
  await page.keyboard.press("Control+k");
  await expect(page.getByRole("dialog", { name: "Command palette" })).toHaveCount(0);

  // From a palette item: Escape gives the focus back to it.
  await page.getByTestId("palette-timer").focus();
  await page.keyboard.press("Control+k");
  const palette = page.getByRole("dialog", { name: "Command palette" });
  await expect(palette).toBeVisible();
  const search = palette.getByRole("combobox", { name: "Find a command or step" });
  await expect(search).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(palette).toHaveCount(0);
  await expect(page.getByTestId("palette-timer")).toBeFocused();

  // "layout", Enter: the toolbar's Auto layout runs, storing positions in the document.
  await page.keyboard.press("Control+k");
  await search.fill("layout");
  await expect(palette.getByRole("option").first()).toHaveText(/Auto layout/);
  await snapshot(page, "command-palette");
  await page.keyboard.press("Enter");
  await expect(palette).toHaveCount(0);
  await expect.poll(async () => Object.keys(((await shownDefinition(page)).ui as { positions?: object } | undefined)?.positions ?? {})).toContain("activity1");

  // "timer", Enter: a timer after the selected activity, connected and selected.
  await node(page, "activity1").click();
  await page.keyboard.press("Control+k");
  await search.fill("timer");
  await page.keyboard.press("Enter");
  await expect(field(page, "id")).toHaveValue("timer1");
  await expect(edge(page, "activity1", "timer1")).toBeAttached();
  expect((await shownDefinition(page)).nodes).toMatchObject({ activity1: { next: "timer1" }, timer1: { type: "timer" } });
  // The activity has a place of its own now: the timer is placed just below it. Measured once
  // the view has settled: boxes read while it still moves differ by its motion, not by placement.
  await expect
    .poll(async () => {
      const [above, below] = [await node(page, "activity1").boundingBox(), await node(page, "timer1").boundingBox()];
      return below!.y > above!.y + above!.height && Math.abs(below!.x - above!.x) < 2;
    })
    .toBe(true);
  await snapshot(page, "timer-added");
});

test("exits show what they mean; the error exit shows on hover, selection or once connected", async ({ page }) => {
  await createWorkflow(page, workflowName("readable-handles"));
  await page.getByTestId("palette-decision").click();
  await field(page, "choice-0-when").fill("input.cost < 1000");
  await expect(handle(page, "decision1", "choice-0")).toHaveText("cost < 1000");
  await field(page, "choice-0-label").fill("cheap");
  await expect(handle(page, "decision1", "choice-0")).toHaveText("cheap");
  await expect(handle(page, "decision1", "default")).toHaveText("default");
  const fontSize = await handle(page, "decision1", "choice-0").locator(".handle-text").evaluate((label) => parseFloat(getComputedStyle(label).fontSize));
  expect(fontSize).toBeGreaterThanOrEqual(11);

  // Selected: the error exit shows; not selected and not hovered, it hides.
  const error = handle(page, "decision1", "error");
  await expect(error).toBeVisible();
  await clickEmptyCanvas(page);
  await expect(error).toBeHidden();
  await expect(error).toBeAttached();
  await node(page, "decision1").hover();
  await expect(error).toBeVisible();
  await snapshot(page, "hovered");

  // Connected, it stays in view.
  await addAfter(page, "decision1", "error").click();
  await page.getByRole("combobox", { name: "Find a step" }).fill("fail");
  await page.keyboard.press("Enter");
  await expect(edge(page, "decision1", "fail1")).toBeAttached();
  await clickEmptyCanvas(page);
  await page.mouse.move(5, 5);
  await expect(error).toBeVisible();
  await snapshot(page, "readable-handles");
});
