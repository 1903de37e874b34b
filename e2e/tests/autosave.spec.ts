/**
 * Work is never lost in the designer: drafts save themselves shortly after each edit and before
 * leaving, leaving with edits that could not be saved asks first, and a save refused because
 * someone else saved meanwhile keeps both versions within reach.
 */
import { expect, test, type Page } from "./fixtures.ts";
import { createWorkflow, dropFromPalette, field, node, openWorkflow, snapshot, workflowName } from "./designer-helpers.ts";

test.use({ viewport: { width: 1440, height: 900 } });

const saveStatus = (page: Page) => page.getByTestId("save-status");
const breadcrumb = (page: Page) => page.locator(".designer-header").getByRole("link", { name: "Workflows" });

/** Makes every draft save fail as a dropped connection would. */
const failSaves = (page: Page) => page.route("**/trpc/drafts.save**", (route) => route.abort("connectionfailed"));

test("an edit is saved on leaving by the breadcrumb, and on its own shortly after", async ({ page }) => {
  const name = workflowName("autosave-leave");
  await createWorkflow(page, name);

  // Leaving straight after an edit: no time for the delayed save, so leaving saves first.
  await dropFromPalette(page, "activity", { x: 420, y: 60 });
  await expect(node(page, "activity1")).toBeVisible();
  await breadcrumb(page).click();
  await expect(page).toHaveURL("/");
  await openWorkflow(page, name);
  await expect(node(page, "activity1")).toBeVisible();
  await expect(saveStatus(page)).toHaveText("Saved");

  // Staying: the edit is saved shortly after, with no command, and survives a reload.
  await node(page, "activity1").click();
  await field(page, "title").fill("Charge card");
  await expect(saveStatus(page)).toHaveText("Saved");
  await snapshot(page, "saved");
  await page.reload();
  await expect(node(page, "activity1")).toContainText("Charge card");
});

test("leaving with edits that could not be saved asks first, in the app and on closing the tab", async ({ page }) => {
  const name = workflowName("autosave-prompt");
  await createWorkflow(page, name);
  await failSaves(page);
  await dropFromPalette(page, "timer", { x: 420, y: 60 });
  await expect(node(page, "timer1")).toBeVisible();
  await expect(saveStatus(page)).toContainText("Not saved");
  await snapshot(page, "save-failed");

  // Declining keeps the page and the edit; accepting leaves.
  const asked: string[] = [];
  page.once("dialog", (dialog) => {
    asked.push(dialog.type());
    void dialog.dismiss();
  });
  await breadcrumb(page).click();
  await expect.poll(() => asked).toEqual(["confirm"]);
  await expect(page).toHaveURL(`/workflows/${name}`);
  await expect(node(page, "timer1")).toBeVisible();

  // Closing the tab asks too; declining keeps it open with the edit.
  page.once("dialog", (dialog) => {
    asked.push(dialog.type());
    void dialog.dismiss();
  });
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => asked).toEqual(["confirm", "beforeunload"]);
  expect(page.isClosed()).toBe(false);
  await expect(node(page, "timer1")).toBeVisible();

  page.once("dialog", (dialog) => void dialog.accept());
  await breadcrumb(page).click();
  await expect(page).toHaveURL("/");
});

test("a save refused because someone else saved shows the conflict, and neither version is lost", async ({ page, context }) => {
  // Two editors, each round saved by both.
  test.slow();
  const name = workflowName("autosave-conflict");
  await createWorkflow(page, name);
  await dropFromPalette(page, "activity", { x: 420, y: 60 });
  await expect(saveStatus(page)).toHaveText("Saved");

  // Someone else opens the same draft and saves their edit first.
  const theirs = await context.newPage();
  await openWorkflow(theirs, name);
  await dropFromPalette(theirs, "timer", { x: 420, y: 220 });
  await expect(node(theirs, "timer1")).toBeVisible();
  await expect(saveStatus(theirs)).toHaveText("Saved");

  // My next edit cannot be saved over theirs unseen: the conflict shows, and my edit stays on the page.
  await page.bringToFront();
  await dropFromPalette(page, "decision", { x: 420, y: 220 });
  const conflict = page.getByTestId("save-conflict");
  await expect(conflict).toBeVisible();
  await expect(saveStatus(page)).toContainText("Conflict");
  await expect(node(page, "decision1")).toBeVisible();
  await snapshot(page, "conflict");

  // Mine, saved as a copy, opens with my edit.
  await conflict.getByTestId("conflict-save-copy").click();
  await expect(conflict).toContainText(`Saved yours as ${name}-copy`);
  await openWorkflow(theirs, `${name}-copy`);
  await expect(node(theirs, "decision1")).toBeVisible();
  await expect(node(theirs, "timer1")).toHaveCount(0);

  // Taking theirs shows their edit; mine is one Undo away.
  await conflict.getByTestId("conflict-take-theirs").click();
  await expect(conflict).toHaveCount(0);
  await expect(node(page, "timer1")).toBeVisible();
  await expect(node(page, "decision1")).toHaveCount(0);
  await expect(saveStatus(page)).toHaveText("Saved");
  await page.getByTestId("undo").click();
  await expect(node(page, "decision1")).toBeVisible();
  await expect(node(page, "timer1")).toHaveCount(0);
  await page.getByTestId("redo").click();
  await expect(node(page, "timer1")).toBeVisible();
  await expect(saveStatus(page)).toHaveText("Saved");

  // They edit again; I keep mine this time, overwriting theirs, which stays one Undo away.
  await openWorkflow(theirs, name);
  await dropFromPalette(theirs, "end", { x: 620, y: 220 });
  await expect(saveStatus(theirs)).toHaveText("Saved");
  await page.bringToFront();
  await dropFromPalette(page, "decision", { x: 420, y: 220 });
  await expect(conflict).toBeVisible();
  await conflict.getByTestId("conflict-keep-mine").click();
  await expect(conflict).toHaveCount(0);
  await expect(saveStatus(page)).toHaveText("Saved");
  await openWorkflow(theirs, name);
  await expect(node(theirs, "decision1")).toBeVisible();
  await expect(node(theirs, "end1")).toHaveCount(0);
  await page.getByTestId("undo").click();
  await expect(node(page, "end1")).toBeVisible();
});
