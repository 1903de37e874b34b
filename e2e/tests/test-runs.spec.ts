/**
 * Run says what it runs: the published version by number when the draft is that version, and
 * otherwise a choice between publishing the draft and running it, or a test run of the draft on
 * screen. A test run keeps the person in the designer, shows its progress on the canvas being
 * edited, and stays out of the instances list unless asked for.
 */
import { expect, test, type APIRequestContext, type Page } from "./fixtures.ts";
import { node, openWorkflow, snapshot, workflowName } from "./designer-helpers.ts";

test.use({ viewport: { width: 1440, height: 900 } });

/** Multiplies `input.n` with the built-in transform activity, then ends with its result. */
const multiplying = (factor: number) => ({
  version: 1,
  start: "calc",
  nodes: {
    calc: { type: "activity", title: "Multiply", activity: "transform", input: `input.n * ${factor}`, next: "done" },
    done: { type: "end", output: "steps.calc" },
  },
});

async function createDraft(request: APIRequestContext, name: string, definition: object) {
  const created = await request.post("/trpc/drafts.create", { data: { name, definition } });
  expect(created.status(), await created.text()).toBe(200);
}

/** The canvas's frame around a node: where the test run's overlay shows the step's state. */
const overlaid = (page: Page, id: string) => page.locator(".react-flow__node", { has: node(page, id) });

test("a never-published workflow offers a test run of its draft, which shows live on the canvas and stays out of the default list", async ({ page, request }) => {
  const name = workflowName("test-run-draft");
  await createDraft(request, name, multiplying(2));
  await openWorkflow(page, name);

  await page.getByTestId("run").click();
  const dialog = page.getByTestId("run-dialog");
  await expect(dialog).toContainText(`${name} has never been published`);
  await expect(dialog.getByTestId("run-publish-and-start")).toHaveText("Publish v1 and run");
  await expect(dialog.getByTestId("run-start")).toHaveCount(0);
  await dialog.getByTestId("run-input").fill('{"n": 21}');
  await snapshot(page, "run-dialog-never-published");
  await dialog.getByTestId("run-test").click();

  // Still in the designer, with the run's progress beside and on the canvas.
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(`/workflows/${name}`);
  await expect(page.getByText(/there is no workflow/)).toHaveCount(0);
  const bar = page.getByTestId("test-run-bar");
  await expect(bar.getByTestId("test-run-status")).toHaveText("COMPLETED", { timeout: 30_000 });
  await expect(overlaid(page, "calc")).toHaveAttribute("data-run-state", "completed");
  await expect(overlaid(page, "done")).toHaveAttribute("data-run-state", "completed");
  await snapshot(page, "designer-test-run-overlay");

  // The overlay can be hidden, and is no part of the document.
  await bar.getByTestId("test-run-overlay").click();
  await expect(overlaid(page, "calc")).not.toHaveAttribute("data-run-state", /.*/);
  await bar.getByTestId("test-run-overlay").click();
  await expect(overlaid(page, "calc")).toHaveAttribute("data-run-state", "completed");
  const draft = await request.get(`/trpc/drafts.get?input=${encodeURIComponent(JSON.stringify({ name }))}`);
  expect((await draft.json()).result.data.definition).toEqual(multiplying(2));

  // Its instance page says what it is.
  const link = bar.getByTestId("test-run-link");
  const instanceId = (await link.textContent())!.trim();
  await link.click();
  await expect(page.getByTestId("test-run-banner")).toContainText("Test run of a draft");
  await expect(page.getByTestId("instance-output")).toHaveText("42");
  await snapshot(page, "instance-test-banner");

  // Not in the instances list, unless test runs are asked for; then marked as a test.
  await page.goto(`/instances?id=${encodeURIComponent(instanceId)}`);
  await expect(page.getByTestId("no-instances")).toBeVisible();
  await page.getByTestId("instance-filter-tests").check();
  await expect(page).toHaveURL(/[?&]tests=1/);
  const row = page.getByTestId(`instance-row-${instanceId}`);
  await expect(row.getByTestId("test-chip")).toHaveText("Test");
  await snapshot(page, "instances-with-tests");
  await page.reload();
  await expect(page.getByTestId("instance-filter-tests")).toBeChecked();
  await expect(row).toBeVisible();
});

test("on a published workflow Run names its version, and with unpublished edits offers to publish and run or to test-run", async ({ page, request }) => {
  const name = workflowName("test-run-published");
  expect((await request.put(`/api/v1/workflows/${name}`, { data: multiplying(2) })).status()).toBe(201);

  // The draft is the published version: a plain run of it, by number.
  await openWorkflow(page, name);
  await page.getByTestId("run").click();
  const dialog = page.getByTestId("run-dialog");
  await expect(dialog.getByRole("heading")).toHaveText(`Run ${name} v1`);
  await expect(dialog.getByTestId("run-start")).toHaveText("Start v1");
  await expect(dialog.getByTestId("run-test")).toHaveCount(0);
  await dialog.getByRole("button", { name: "Cancel" }).click();

  // Edited since: the dialog says so, and publishing then running starts the new version.
  const saved = await request.post("/trpc/drafts.save", { data: { name, definition: multiplying(3), expectedRevision: 0 } });
  expect(saved.status(), await saved.text()).toBe(200);
  await openWorkflow(page, name);
  await page.getByTestId("run").click();
  await expect(dialog).toContainText("The draft differs from the published v1");
  await expect(dialog.getByTestId("run-test")).toBeVisible();
  await expect(dialog.getByTestId("run-publish-and-start")).toHaveText("Publish v2 and run");
  await snapshot(page, "run-dialog-edited");
  await dialog.getByTestId("run-input").fill('{"n": 5}');
  await dialog.getByTestId("run-publish-and-start").click();

  await expect(page.getByTestId("instance-page")).toBeVisible();
  await expect(page.getByTestId("instance-status")).toHaveText("COMPLETED", { timeout: 30_000 });
  await expect(page.getByTestId("instance-output")).toHaveText("15");
  await expect(page.getByTestId("test-run-banner")).toHaveCount(0);
  const instanceId = decodeURIComponent(new URL(page.url()).pathname.split("/").at(-1)!);
  expect(await (await request.get(`/api/v1/instances/${encodeURIComponent(instanceId)}`)).json()).toMatchObject({ workflowVersion: 2, test: false });
  const workflow = (await (await request.get(`/api/v1/workflows/${name}`)).json()) as { versions: Array<{ version: number }> };
  expect(workflow.versions.map((v) => v.version)).toEqual([2, 1]);
});
