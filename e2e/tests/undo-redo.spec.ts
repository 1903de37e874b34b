/**
 * Undo and redo, from the toolbar and with the keyboard: each step back or forward changes the
 * canvas and the JSON view together, since both show the one definition.
 */
import { expect, test } from "./fixtures.ts";
import { canvas, connect, createWorkflow, dropFromPalette, expectCanvasShowsDocument, field, handle, node, shownDefinition, snapshot, workflowName } from "./designer-helpers.ts";

test("undo and redo step through node additions, an edge and a field edit, with the buttons and the keyboard", async ({ page }) => {
  await createWorkflow(page, workflowName("undo-redo"));
  const undo = page.getByTestId("undo");
  const redo = page.getByTestId("redo");
  await expect(undo).toBeDisabled();
  await expect(redo).toBeDisabled();

  // Four edits: two steps added, an edge between them, a title typed in the inspector.
  await dropFromPalette(page, "activity", { x: 420, y: 60 });
  await expect(node(page, "activity1")).toBeVisible();
  await dropFromPalette(page, "timer", { x: 420, y: 200 });
  await expect(node(page, "timer1")).toBeVisible();
  await connect(page, handle(page, "activity1", "next"), handle(page, "timer1", "in"));
  await expect(page.getByRole("group", { name: "Edge from activity1 to timer1" })).toBeAttached();
  await node(page, "timer1").click();
  await field(page, "title").fill("Cool down");
  await expect(node(page, "timer1")).toContainText("Cool down");
  await expectCanvasShowsDocument(page);
  expect((await shownDefinition(page)).nodes).toMatchObject({ activity1: { next: "timer1" }, timer1: { title: "Cool down" } });
  await snapshot(page, "four-edits");

  // The toolbar's Undo takes back the title.
  await undo.click();
  await expect(node(page, "timer1")).not.toContainText("Cool down");
  await expect(field(page, "title")).toHaveValue("");
  await expectCanvasShowsDocument(page);
  expect((await shownDefinition(page)).nodes.timer1).not.toHaveProperty("title");

  // Ctrl+Z, with the focus on the canvas rather than in a field, takes back the edge, then the timer.
  await canvas(page).click({ position: { x: 20, y: 20 } });
  await expect(page.locator("body")).toBeFocused();
  await page.keyboard.press("Control+z");
  await expect(page.getByRole("group", { name: "Edge from activity1 to timer1" })).toHaveCount(0);
  await expectCanvasShowsDocument(page);
  expect((await shownDefinition(page)).nodes.activity1).not.toHaveProperty("next");
  await page.keyboard.press("Control+z");
  await expect(node(page, "timer1")).toHaveCount(0);
  await expectCanvasShowsDocument(page);
  expect(Object.keys((await shownDefinition(page)).nodes)).toEqual(["activity1"]);
  await expect(redo).toBeEnabled();
  await snapshot(page, "undone");

  // Shift+Ctrl+Z brings the timer and the edge back; the toolbar's Redo the title.
  await page.keyboard.press("Shift+Control+z");
  await expect(node(page, "timer1")).toBeVisible();
  await expectCanvasShowsDocument(page);
  await page.keyboard.press("Shift+Control+z");
  await expect(page.getByRole("group", { name: "Edge from activity1 to timer1" })).toBeAttached();
  await expectCanvasShowsDocument(page);
  await redo.click();
  await expect(node(page, "timer1")).toContainText("Cool down");
  await expectCanvasShowsDocument(page);
  expect((await shownDefinition(page)).nodes).toMatchObject({ activity1: { next: "timer1" }, timer1: { title: "Cool down" } });
  await expect(redo).toBeDisabled();
  await expect(undo).toBeEnabled();
  await snapshot(page, "redone");

  // Undoing everything gives back the empty workflow.
  for (let i = 0; i < 4; i++) await undo.click();
  await expect(undo).toBeDisabled();
  expect((await shownDefinition(page)).nodes).toEqual({});
  await expectCanvasShowsDocument(page);
});
