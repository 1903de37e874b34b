/**
 * The problems list speaks of steps by the titles people gave them, with the id beside, and a
 * problem of the workflow as a whole reads as text, not as a greyed-out button.
 */
import { expect, test } from "./fixtures.ts";
import { createWorkflow, dropFromPalette, field, node, workflowName } from "./designer-helpers.ts";

test("problems name steps by their titles, and a workflow-wide problem is not shown disabled", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await createWorkflow(page, workflowName("problem-names"));
  const problems = page.getByTestId("problems");

  // An empty workflow: its problem is the workflow's, with nothing to select.
  await expect(problems.getByRole("listitem")).not.toHaveCount(0);
  await expect(problems.getByRole("listitem").first()).toContainText("Workflow");
  await expect(problems.locator("button:disabled")).toHaveCount(0);

  await dropFromPalette(page, "activity", { x: 300, y: 260 });
  await node(page, "activity1").click();
  await field(page, "title").fill("Charge card");
  const row = problems.getByRole("button", { name: /Charge card/ });
  await expect(row).toContainText("is empty: choose an activity");
  await expect(row.locator(".step-id")).toHaveText("activity1");

  // Clicking it shows the step, by its title, in the inspector.
  await page.getByTestId("canvas").click({ position: { x: 40, y: 40 } });
  await row.click();
  await expect(field(page, "title")).toHaveValue("Charge card");
});
