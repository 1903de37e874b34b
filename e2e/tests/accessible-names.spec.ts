/**
 * Every control of the designer has an accessible name, so that screen readers and voice control
 * can tell them apart: checked on Playwright's accessibility snapshot, with the inspector showing
 * each kind of step, the step picker, the command palette, the JSON view, versions and webhooks
 * open, and the run dialog.
 */
import { expect, test, type Page } from "./fixtures.ts";
import { createWorkflow, expectLaidOut, node, snapshot, workflowName } from "./designer-helpers.ts";

const CONTROL_ROLES = ["button", "textbox", "checkbox", "radio", "combobox", "spinbutton", "slider", "switch", "searchbox", "link", "menuitem", "tab"];

/** Lines of the page's accessibility snapshot that are controls without a name. */
async function unnamedControls(page: Page): Promise<string[]> {
  const tree = await page.locator("body").ariaSnapshot();
  const unnamed = new RegExp(`^\\s*- '?(${CONTROL_ROLES.join("|")})(?=$|:|'| \\[)`);
  return tree.split("\n").filter((line) => unnamed.test(line));
}

/** Every kind of step, with the optional parts that bring more fields into the inspector. */
const EVERY_KIND = {
  version: 1,
  start: "fetch",
  nodes: {
    fetch: { type: "activity", title: "Fetch", activity: "transform", input: "input", retry: { maxAttempts: 3, firstInterval: 1 }, onError: { next: "oops" }, next: "both" },
    both: {
      type: "parallel",
      branches: [
        { start: "pause", nodes: { pause: { type: "timer", duration: 1 } } },
        { start: "ask", nodes: { ask: { type: "wait", event: "go", timeout: 60, onTimeout: "late", approval: { approvers: ["ana"] } }, late: { type: "end" } } },
      ],
      next: "each",
    },
    each: { type: "map", items: "[1, 2]", maxConcurrency: 2, body: { start: "one", nodes: { one: { type: "activity", activity: "transform", input: "item" } } }, next: "scope" },
    scope: { type: "group", body: { start: "inner", nodes: { inner: { type: "end" } } }, next: "choose" },
    choose: { type: "decision", choices: [{ when: "input.x", next: "done", label: "x" }], default: "watch" },
    watch: {
      type: "monitor",
      state: "0",
      body: { start: "probe", nodes: { probe: { type: "activity", activity: "transform", input: "state" } } },
      nextState: "state + 1",
      until: "state >= 2",
      interval: 1,
      maxIterations: 5,
    },
    done: { type: "end", output: "'ok'" },
    oops: { type: "fail", error: "Oops", message: "'failed'" },
  },
};

test("every button and field of the designer has an accessible name", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByTestId("workflow-list")).toBeVisible();
  expect(await unnamedControls(page), "the workflow list").toEqual([]);

  await createWorkflow(page, workflowName("every-kind"));
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.getByTestId("import").click()]);
  await chooser.setFiles({ name: "every-kind.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(EVERY_KIND)) });
  await expect(page.getByTestId("problems")).toContainText("No problems");
  await expectLaidOut(page);
  expect(await unnamedControls(page), "the designer").toEqual([]);

  for (const id of ["fetch", "both", "pause", "ask", "each", "scope", "choose", "watch", "done", "oops"]) {
    // Canvas nodes take the focus, and Enter selects the focused one.
    await node(page, id).locator("xpath=..").press("Enter");
    await expect(page.getByTestId("inspector").getByTestId("field-id")).toHaveValue(id);
    expect(await unnamedControls(page), `the inspector of ${id}`).toEqual([]);
  }
  await snapshot(page, "inspector");

  // The "+" of a free exit opens the step picker; Ctrl+K the command palette. A timer added to
  // the monitor's body brings the view close enough to show exits (and is undone afterwards).
  await node(page, "watch").locator("xpath=..").press("Enter");
  await page.getByTestId("palette-timer").click();
  await page.getByTestId("add-after-timer1-next").click();
  const picker = page.getByRole("dialog", { name: /^Add a step after/ });
  await expect(picker).toBeVisible();
  expect(await unnamedControls(page), "the step picker").toEqual([]);
  await page.keyboard.press("Escape");
  await expect(picker).toHaveCount(0);
  await page.keyboard.press("Control+k");
  const palette = page.getByRole("dialog", { name: "Command palette" });
  await expect(palette).toBeVisible();
  expect(await unnamedControls(page), "the command palette").toEqual([]);
  await page.keyboard.press("Escape");
  await expect(palette).toHaveCount(0);
  await page.getByTestId("undo").click();
  await expect(node(page, "timer1")).toHaveCount(0);

  await page.getByTestId("publish").click();
  await expect(page.getByTestId("message")).toHaveText("Published version 1.");
  await page.getByTestId("toggle-json").click();
  await page.getByTestId("toggle-versions").click();
  await expect(page.getByTestId("version-1")).toBeVisible();
  await page.getByTestId("toggle-webhooks").click();
  // An event webhook's form shows every field.
  await page.getByTestId("webhook-kind").selectOption("event");
  await page.getByTestId("toggle-retention").click();
  await expect(page.getByTestId("retention-save")).toBeVisible();
  expect(await unnamedControls(page), "the JSON view, versions, webhooks and retention").toEqual([]);

  await page.getByTestId("run").click();
  await expect(page.getByTestId("run-dialog")).toBeVisible();
  expect(await unnamedControls(page), "the run dialog").toEqual([]);
  await snapshot(page, "run-dialog");
});
