/**
 * Export and import: a workflow exported to a file and imported into a new workflow is the same
 * definition; a file that is not a definition is refused with a clear message and changes nothing.
 */
import { readFileSync } from "node:fs";
import { expect, test, type Page } from "./fixtures.ts";
import { canvasNodesOf, createWorkflow, expectCanvasShowsDocument, expectInClearView, openWorkflow, shownDefinition, snapshot, workflowName } from "./designer-helpers.ts";

/** Imports files through the Import button's file chooser. */
async function importFile(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }) {
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.getByTestId("import").click()]);
  await chooser.setFiles(file);
}

test("an exported workflow imports into a new workflow as the same definition", async ({ page }) => {
  await openWorkflow(page, "purchase-order-approval");
  const original = await shownDefinition(page);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export").click()]);
  expect(download.suggestedFilename()).toBe("purchase-order-approval.json");
  const file = test.info().outputPath("purchase-order-approval.json");
  await download.saveAs(file);
  const exported: unknown = JSON.parse(readFileSync(file, "utf8"));
  expect(exported).toEqual(original);

  await createWorkflow(page, workflowName("imported-purchase-order"));
  await importFile(page, file);
  await expect(page.getByTestId("message")).toContainText("Imported");
  expect(await shownDefinition(page)).toEqual(original);
  await expectCanvasShowsDocument(page);
  await expect(page.getByTestId("problems")).toContainText("No problems");
  // The view is fitted to the imported workflow, as when it is opened.
  await expect(async () => expectInClearView(page, ...canvasNodesOf(original).keys())).toPass({ timeout: 10_000 });
  await snapshot(page, "imported");

  // The imported copy is a workflow of its own: it publishes as its version 1.
  await page.getByTestId("publish").click();
  await expect(page.getByTestId("message")).toHaveText("Published version 1.");
});

test("importing a file that is not a definition shows why and changes nothing", async ({ page }) => {
  await createWorkflow(page, workflowName("import-refused"));
  await page.getByTestId("palette-activity").click();
  await page.getByTestId("palette-end").click();
  const before = await shownDefinition(page);
  await expectCanvasShowsDocument(page);

  await importFile(page, { name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("approve orders under 1000\n") });
  const message = page.getByTestId("message");
  await expect(message).toContainText("notes.txt is not JSON");
  await expect(message).toHaveClass(/error/);
  await snapshot(page, "not-json");
  expect(await shownDefinition(page)).toEqual(before);
  await expectCanvasShowsDocument(page);

  await importFile(page, { name: "list.json", mimeType: "application/json", buffer: Buffer.from("[1, 2, 3]") });
  await expect(message).toContainText("not a workflow definition");
  await expect(message).toHaveClass(/error/);
  expect(await shownDefinition(page)).toEqual(before);
  await expectCanvasShowsDocument(page);

  // Undo still takes back the last real edit, the End step: the refused imports left no step behind.
  await page.getByTestId("undo").click();
  expect(Object.keys((await shownDefinition(page)).nodes)).toEqual(["activity1"]);
});
