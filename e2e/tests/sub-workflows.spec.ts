/**
 * A sub-workflow step built on the canvas: the workflow picked from those published, the parent
 * run on the real server, and the child instance reached from the parent's step and back.
 */
import { expect, test, type APIRequestContext } from "./fixtures.ts";
import { createWorkflow, dropFromPalette, field, node, shownDefinition, snapshot, workflowName } from "./designer-helpers.ts";

test.use({ viewport: { width: 1440, height: 900 } });

/** Publishes a definition; a repeated run finds it already there, unchanged. */
async function publish(request: APIRequestContext, workflow: string, definition: object) {
  const response = await request.put(`/api/v1/workflows/${workflow}`, { data: definition });
  expect([200, 201], await response.text()).toContain(response.status());
}

test("a parent built with a sub-workflow step runs its child, and each instance links to the other", async ({ page, request }) => {
  test.setTimeout(120_000);
  const child = workflowName("greet-child");
  await publish(request, child, {
    version: 1,
    start: "greet",
    nodes: { greet: { type: "activity", title: "Greet", activity: "transform", input: "'hello ' & input" } },
  });

  const parent = workflowName("greet-parent");
  await createWorkflow(page, parent);
  // Below the start marker, where the flow goes on.
  await dropFromPalette(page, "subworkflow", { x: 430, y: 520 });
  await expect(field(page, "id")).toHaveValue(/^subworkflow\d+$/);
  await field(page, "id").fill("greeting");
  await field(page, "id").press("Enter");
  await expect(node(page, "greeting")).toContainText("no workflow chosen");
  // Until a workflow is chosen, the step says so and nothing can be published.
  await expect(page.getByTestId("problems-greeting")).toHaveText("1");
  await expect(page.getByTestId("publish")).toBeDisabled();

  await field(page, "workflow").selectOption(child);
  await expect(field(page, "version").locator("option")).toHaveText(["Latest when the step starts", "Version 1"]);
  await field(page, "version").selectOption("1");
  await field(page, "input").fill("input.name");
  await expect(node(page, "greeting")).toContainText(`${child} v1`);
  await expect(page.getByTestId("problems")).toContainText("No problems");
  await snapshot(page, "sub-workflow-inspector");
  expect((await shownDefinition(page)).nodes.greeting).toEqual({ type: "subworkflow", workflow: child, version: 1, input: "input.name" });

  await page.getByTestId("publish").click();
  await expect(page.getByTestId("message")).toHaveText("Published version 1.");
  await page.getByTestId("run").click();
  const dialog = page.getByTestId("run-dialog");
  await dialog.getByTestId("run-input").fill('{"name": "ada"}');
  await dialog.getByTestId("run-start").click();
  await expect(page.getByTestId("instance-page")).toBeVisible();
  await expect(page.getByTestId("instance-status")).toHaveText("COMPLETED", { timeout: 30_000 });
  await expect(page.getByTestId("instance-output")).toHaveText('"hello ada"');
  const parentUrl = page.url();

  // The step links to the child it started.
  await node(page, "greeting").click();
  const childLink = page.getByTestId("step-panel").getByTestId("step-child").getByRole("link");
  await expect(childLink).toBeVisible();
  await snapshot(page, "sub-workflow-parent");
  const childId = (await childLink.textContent())!.trim();
  await expect(page.getByTestId("children")).toContainText(childId);
  await childLink.click();

  // The child is an instance of its own, with its own history, linked back to its parent.
  await expect(page).toHaveURL(`/instances/${childId}`);
  await expect(page.getByTestId("instance-status")).toHaveText("COMPLETED");
  await expect(page.getByTestId("instance-output")).toHaveText('"hello ada"');
  const back = page.getByTestId("child-of");
  await expect(back).toContainText("Started by step greeting of");
  await snapshot(page, "sub-workflow-child");
  await back.getByRole("link").click();
  await expect(page).toHaveURL(parentUrl);
  await expect(page.getByTestId("instance-output")).toHaveText('"hello ada"');
});
