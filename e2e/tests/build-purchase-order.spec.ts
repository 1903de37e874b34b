/**
 * Building the purchase-order approval workflow from an empty canvas with the mouse: steps
 * dragged from the palette, edges drawn between handles, fields filled in the inspector, a
 * problem found and fixed, then published and run to completion on the real server.
 */
import { expect, test } from "./fixtures.ts";
import { boxOf, canvas, connect, dragNode, createWorkflow, dropFromPalette, field, handle, node, shownDefinition, snapshot, workflowName } from "./designer-helpers.ts";

// Room for the whole workflow on the canvas at 100%.
test.use({ viewport: { width: 1600, height: 1000 } });

test("a purchase-order approval built from an empty canvas publishes as version 1 and runs to Auto-approved", async ({ page, request }) => {
  test.setTimeout(120_000);
  const name = workflowName("po-approval-built");
  await createWorkflow(page, name);
  // Nothing to publish yet.
  await expect(page.getByTestId("publish")).toBeDisabled();

  // The start marker goes to the top, the steps below it, in the shape of the finished flow.
  await dragNode(page, node(page, "start:"), { x: 440, y: 38 });
  const area = await boxOf(canvas(page));
  await expect.poll(async () => (await boxOf(node(page, "start:"))).y - area.y).toBeLessThan(40);

  /** Drops a step, which comes selected, and names it in the inspector. */
  const addStep = async (kind: string, at: { x: number; y: number }, id: string, title: string) => {
    await dropFromPalette(page, kind, at);
    // The new step, with an id of its own kind (activity1, end2...), is selected.
    await expect(field(page, "id")).toHaveValue(new RegExp(`^${kind}\\d+$`));
    await field(page, "id").fill(id);
    await field(page, "id").press("Enter");
    await expect(node(page, id)).toBeVisible();
    await expect(field(page, "id")).toHaveValue(id);
    await field(page, "title").fill(title);
    await expect(node(page, id)).toContainText(title);
  };

  await addStep("decision", { x: 340, y: 100 }, "checkCost", "Cost under 1000?");
  // An unfinished condition is pointed out in its field as it is typed.
  await field(page, "choice-0-when").fill("input.cost <");
  await expect(field(page, "choice-0-when")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByTestId("inspector").getByRole("alert").filter({ hasText: "invalid JSONata" })).toBeVisible();
  await snapshot(page, "invalid-condition");
  await field(page, "choice-0-when").fill("input.cost < 1000");
  await field(page, "choice-0-label").fill("yes");
  await expect(page.getByTestId("inspector").getByRole("alert").filter({ hasText: "invalid JSONata" })).toHaveCount(0);

  await addStep("end", { x: 60, y: 220 }, "autoApproved", "Auto-approved");
  await field(page, "output").fill("'Auto-approved'");

  await addStep("activity", { x: 620, y: 220 }, "requestApproval", "Send approval request");
  await field(page, "activity").fill("send_approval_request");
  await field(page, "input").fill("input");

  await addStep("wait", { x: 620, y: 340 }, "approval", "Manager approval");
  await field(page, "event").fill("approval_received");
  await field(page, "wait-timeout").fill("86400");
  await field(page, "approval").check();
  await expect(node(page, "approval")).toContainText("approval: approval_received");

  await addStep("end", { x: 840, y: 460 }, "cancelled", "Cancelled");
  await field(page, "output").fill("'Cancelled'");

  // Place order keeps its activity unchosen for now.
  await addStep("activity", { x: 620, y: 460 }, "placeOrder", "Place order");
  await field(page, "input").fill("input");

  await addStep("end", { x: 620, y: 580 }, "approved", "Approved");
  await field(page, "output").fill("'Approved'");

  // The first step dropped on the empty graph became its start.
  await expect(page.getByRole("group", { name: "Edge from start: to checkCost" })).toBeAttached();

  await connect(page, handle(page, "checkCost", "choice-0"), handle(page, "autoApproved", "in"));
  await connect(page, handle(page, "checkCost", "default"), handle(page, "requestApproval", "in"));
  await connect(page, handle(page, "requestApproval", "next"), handle(page, "approval", "in"));
  await connect(page, handle(page, "approval", "next"), handle(page, "placeOrder", "in"));
  await connect(page, handle(page, "approval", "timeout"), handle(page, "cancelled", "in"));
  await connect(page, handle(page, "placeOrder", "next"), handle(page, "approved", "in"));
  for (const [from, to] of [
    ["checkCost", "autoApproved"],
    ["checkCost", "requestApproval"],
    ["requestApproval", "approval"],
    ["approval", "placeOrder"],
    ["approval", "cancelled"],
    ["placeOrder", "approved"],
  ]) {
    await expect(page.getByRole("group", { name: `Edge from ${from} to ${to}` })).toBeAttached();
  }
  await snapshot(page, "connected");

  // The one problem left: the activity without a name, listed and marked on its node.
  const problems = page.getByTestId("problems");
  await expect(problems.getByRole("listitem")).toHaveCount(1);
  await expect(problems.getByRole("listitem")).toContainText("placeOrder");
  await expect(page.getByTestId("problems-placeOrder")).toHaveText("1");
  await expect(page.getByTestId("publish")).toBeDisabled();
  await snapshot(page, "one-problem");

  // Clicking the problem selects its node; choosing the activity fixes it.
  await expect(field(page, "id")).toHaveValue("approved");
  await problems.getByRole("button", { name: /placeOrder/ }).click();
  await expect(field(page, "id")).toHaveValue("placeOrder");
  await expect(node(page, "placeOrder")).toHaveClass(/selected/);
  await expect(field(page, "activity")).toHaveAttribute("aria-invalid", "true");
  await field(page, "activity").fill("place_order");
  await expect(problems).toContainText("No problems");
  await expect(page.getByTestId("problems-placeOrder")).toHaveCount(0);
  await snapshot(page, "no-problems");

  // The document says what the canvas shows.
  const definition = await shownDefinition(page);
  expect(definition.start).toBe("checkCost");
  expect(definition.nodes).toMatchObject({
    checkCost: { type: "decision", choices: [{ when: "input.cost < 1000", next: "autoApproved", label: "yes" }], default: "requestApproval" },
    autoApproved: { type: "end", output: "'Auto-approved'" },
    requestApproval: { type: "activity", activity: "send_approval_request", input: "input", next: "approval" },
    approval: { type: "wait", event: "approval_received", timeout: 86400, approval: {}, onTimeout: "cancelled", next: "placeOrder" },
    placeOrder: { type: "activity", activity: "place_order", next: "approved" },
    approved: { type: "end", output: "'Approved'" },
    cancelled: { type: "end", output: "'Cancelled'" },
  });

  await page.getByTestId("publish").click();
  await expect(page.getByTestId("message")).toHaveText("Published version 1.");

  await page.getByTestId("run").click();
  const dialog = page.getByTestId("run-dialog");
  await expect(dialog).toBeVisible();
  await dialog.getByTestId("run-input").fill('{"cost": 500, "product": "pens", "quantity": 3}');
  await dialog.getByTestId("run-start").click();
  await expect(page.getByTestId("instance-page")).toBeVisible();
  await expect(page).toHaveURL(/\/instances\/[^/]+$/);
  await expect(page.getByTestId("instance-status")).toHaveText("COMPLETED", { timeout: 30_000 });
  await expect(page.getByTestId("instance-output")).toHaveText('"Auto-approved"');
  await snapshot(page, "instance-completed");

  // A costly order takes the approval path: it waits until the approval arrives.
  await page.getByRole("link", { name, exact: true }).click();
  await page.getByTestId("run").click();
  await page.getByTestId("run-input").fill('{"cost": 5000, "product": "desks", "quantity": 2}');
  await page.getByTestId("run-start").click();
  await expect(page.getByTestId("instance-status")).toHaveText("RUNNING", { timeout: 30_000 });
  const instanceId = decodeURIComponent(new URL(page.url()).pathname.split("/").at(-1)!);
  const raised = await request.post(`/api/v1/instances/${encodeURIComponent(instanceId)}/events/approval_received`, {
    data: { decision: "approved" },
  });
  expect(raised.status()).toBe(202);
  await expect(page.getByTestId("instance-status")).toHaveText("COMPLETED", { timeout: 30_000 });
  await expect(page.getByTestId("instance-output")).toHaveText('"Approved"');
});
