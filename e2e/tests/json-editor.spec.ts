/**
 * The JSON view is an editor of the document: typed changes show on the canvas and undo like any
 * edit, text that is not a definition is marked and listed as a problem while the canvas keeps
 * its document, long lines can be read whole, and a viewer's editor is read-only.
 */
import { expect, test, type Page } from "./fixtures.ts";
import { boxOf, canvas, createWorkflow, dropFromPalette, field, jsonEditor, jsonLine, node, showJson, shownDefinition, shownJsonText, snapshot, workflowName } from "./designer-helpers.ts";
import { createAccount, signedInPage, uniqueUsername } from "./test-accounts.ts";

const title = (page: Page, id: string) => node(page, id).locator(".step-title");

/** Puts the cursor at the end of the editor's line that contains `text`. */
async function toEndOfLine(page: Page, text: string) {
  await jsonLine(page, text).first().click();
  await page.keyboard.press("End");
}

test.use({ viewport: { width: 1440, height: 900 } });

test("a change typed in the JSON editor shows on the canvas and undoes from the canvas", async ({ page }) => {
  await createWorkflow(page, workflowName("json-typed"));
  await dropFromPalette(page, "activity", { x: 300, y: 200 });
  await expect(node(page, "activity1")).toBeVisible();
  await showJson(page);
  await expect(jsonEditor(page)).toHaveAttribute("aria-label", "Definition JSON");

  // A title typed after the step's type: on the canvas, and in the document, once typing stops.
  await toEndOfLine(page, '"type": "activity"');
  await page.keyboard.type('\n"title": "Check stock",');
  await expect(title(page, "activity1")).toHaveText("Check stock");
  expect((await shownDefinition(page)).nodes.activity1).toMatchObject({ type: "activity", title: "Check stock" });
  await snapshot(page, "typed-title");

  // Undo on the canvas takes it back from the canvas and from the editor.
  await canvas(page).locator(".react-flow__pane").click({ position: { x: 40, y: 40 } });
  await page.keyboard.press("ControlOrMeta+z");
  await expect(title(page, "activity1")).toHaveText("activity1");
  await expect.poll(() => shownJsonText(page)).not.toContain("Check stock");
  // The toolbar's redo brings it back to both.
  await page.getByTestId("redo").click();
  await expect(title(page, "activity1")).toHaveText("Check stock");
  await expect.poll(() => shownJsonText(page)).toContain('"title": "Check stock"');

  // Undo in the editor, with nothing left unread, is the document's undo too.
  await jsonLine(page, "Check stock").click();
  await page.keyboard.press("ControlOrMeta+z");
  await expect(title(page, "activity1")).toHaveText("activity1");
  await expect.poll(() => shownJsonText(page)).not.toContain("Check stock");

  // An edit on the canvas shows in the editor.
  await node(page, "activity1").click();
  await field(page, "title").fill("Ship order");
  await expect.poll(() => shownJsonText(page)).toContain('"title": "Ship order"');
});

test("text that is not a definition is a problem at its line and column, and the canvas keeps its document", async ({ page }) => {
  await createWorkflow(page, workflowName("json-invalid"));
  await dropFromPalette(page, "activity", { x: 300, y: 200 });
  await expect(node(page, "activity1")).toBeVisible();
  await showJson(page);
  const problems = page.getByTestId("problems");
  const jsonProblems = problems.getByTestId("json-problem");
  const before = await shownDefinition(page);
  const count = problems.locator(".count");
  const canvasProblems = Number(await count.textContent());

  // A comma taken away: not JSON.
  const startLine = (await shownJsonText(page)).split("\n").findIndex((line) => line.includes('"start"')) + 1;
  await toEndOfLine(page, '"start"');
  await page.keyboard.press("Backspace");
  await expect(jsonProblems).toHaveCount(1);
  await expect(jsonProblems).toContainText(`JSON line ${startLine + 1}, column 3`);
  await expect(jsonProblems).toContainText("',' expected between values");
  await expect(count).toHaveText(String(canvasProblems + 1));
  await expect(page.getByTestId("json-view").locator(".cm-lintRange-error")).toBeVisible();
  await expect(page.getByTestId("json-revert")).toBeVisible();
  await snapshot(page, "not-json");

  // The canvas keeps its document and goes on being edited; the text stays as typed.
  await expect(node(page, "activity1")).toBeVisible();
  await node(page, "activity1").click();
  await field(page, "title").fill("Still here");
  await expect(title(page, "activity1")).toHaveText("Still here");
  expect(await shownJsonText(page)).not.toContain("Still here");
  expect(await shownJsonText(page)).not.toContain(`"start": "activity1",`);

  // Putting the comma back: the problem goes, and the text is read (the canvas's title is gone with it).
  await toEndOfLine(page, '"start"');
  await page.keyboard.type(",");
  await expect(jsonProblems).toHaveCount(0);
  await expect(page.getByTestId("json-view").locator(".cm-lintRange-error")).toHaveCount(0);
  await expect(title(page, "activity1")).toHaveText("activity1");
  expect(await shownDefinition(page)).toEqual(before);

  // JSON that is not a definition: the problem names the field and what is wrong with it.
  await toEndOfLine(page, '"type": "activity"');
  await page.keyboard.type('\n"timeout": "soon",');
  await expect(jsonProblems).toHaveCount(1);
  await expect(jsonProblems).toContainText("nodes.activity1.timeout");
  await expect(jsonProblems).toContainText(/JSON line \d+, column \d+/);
  // The canvas's step has no such timeout.
  await node(page, "activity1").click();
  await expect(field(page, "timeout")).toHaveValue("");

  // Clicking the problem puts the cursor at it; reverting puts the canvas's document back in the editor.
  await jsonProblems.getByRole("button").click();
  await expect(jsonEditor(page)).toBeFocused();
  await page.getByTestId("json-revert").click();
  await expect(jsonProblems).toHaveCount(0);
  await expect(page.getByTestId("json-revert")).toHaveCount(0);
  expect(await shownDefinition(page)).toEqual(before);
  expect(await shownJsonText(page)).not.toContain("soon");
});

test("leaving with JSON text that is not a definition asks first", async ({ page }) => {
  const name = workflowName("json-leave");
  await createWorkflow(page, name);
  await showJson(page);
  await toEndOfLine(page, '"start"');
  await page.keyboard.type("oops");
  await expect(page.getByTestId("problems").getByTestId("json-problem")).not.toHaveCount(0);

  // Staying keeps the text; leaving anyway leaves.
  const questions: string[] = [];
  page.once("dialog", (dialog) => {
    questions.push(dialog.message());
    void dialog.dismiss();
  });
  await page.locator(".designer-header").getByRole("link", { name: "Workflows" }).click();
  await expect.poll(() => questions).toEqual([expect.stringContaining("not a valid definition")]);
  await expect(page).toHaveURL(`/workflows/${name}`);
  expect(await shownJsonText(page)).toContain("oops");
  page.once("dialog", (dialog) => void dialog.accept());
  await page.locator(".designer-header").getByRole("link", { name: "Workflows" }).click();
  await expect(page).toHaveURL("/");
});

test("a long line is read whole in an editor wide enough for the document", async ({ page }) => {
  await createWorkflow(page, workflowName("json-long-line"));
  await dropFromPalette(page, "activity", { x: 300, y: 200 });
  await node(page, "activity1").click();
  const long = "Ask the warehouse whether every item of the order is in stock, and hold the order until the last of them has arrived";
  await field(page, "title").fill(long);
  const view = await showJson(page);

  const editorBox = await boxOf(view);
  expect(editorBox.width).toBeGreaterThanOrEqual(600);
  const line = jsonLine(page, "whether every item");
  await expect(line).toBeVisible();
  // Wrapped within the editor: nothing to scroll sideways to, and all of the title on screen.
  const scroller = view.locator(".cm-scroller");
  expect(await scroller.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
  const lineBox = await boxOf(line);
  expect(lineBox.x + lineBox.width).toBeLessThanOrEqual(editorBox.x + editorBox.width + 1);
  await expect(line).toContainText("until the last of them has arrived");
  await snapshot(page, "long-line");

  // The panel can be made wider with its handle.
  const resizer = page.getByTestId("side-resizer");
  await resizer.focus();
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowLeft");
  expect((await boxOf(view)).width).toBeGreaterThan(editorBox.width + 60);
});

test("a viewer's JSON editor is read-only", async ({ browser, baseURL, request }) => {
  const viewer = await createAccount(request, { username: uniqueUsername("jo"), displayName: "Jo Viewer", password: "jo-password-1", roles: [] });
  const page = await signedInPage(browser, baseURL!, viewer);
  await page.goto("/workflows/task-chain");
  await expect(page.getByTestId("canvas")).toBeVisible();
  await showJson(page);
  const before = await shownJsonText(page);
  await expect(jsonEditor(page)).toHaveAttribute("aria-readonly", "true");
  await toEndOfLine(page, '"start"');
  await page.keyboard.type("oops");
  await page.keyboard.press("Backspace");
  expect(await shownJsonText(page)).toBe(before);
  await expect(page.getByTestId("problems").getByTestId("json-problem")).toHaveCount(0);
  await page.context().close();
});
