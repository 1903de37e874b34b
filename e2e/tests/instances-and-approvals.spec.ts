/**
 * Operating workflows in the browser against the real server: the approvals inbox (approve with a
 * comment, a timeout, a refused decision), the instances list (filters, status chips, counts that
 * follow the server's push), actions on an instance (terminate with confirmation, suspend, resume,
 * raise an event, the three re-runs, linked both ways), and names and keys for assistive technology.
 */
import { expect, test, type APIRequestContext, type Page } from "./fixtures.ts";
import { createAccount, OWNER, signedInRequest, uniqueUsername } from "./test-accounts.ts";

const PURCHASE_ORDER = "purchase-order-approval";

/** Ids with a prefix of this test's own, so its filters and counts see only its instances. */
function idPrefix(name: string): string {
  const { repeatEachIndex, retry } = test.info();
  return `${name}-${Date.now().toString(36)}-${repeatEachIndex}-${retry}-`;
}

async function start(request: APIRequestContext, workflow: string, input: unknown, instanceId?: string): Promise<string> {
  const query = instanceId ? `?instanceId=${encodeURIComponent(instanceId)}` : "";
  const response = await request.post(`/api/v1/workflows/${workflow}/start${query}`, { data: input });
  expect(response.status()).toBe(202);
  return ((await response.json()) as { instanceId: string }).instanceId;
}

async function instanceOf(request: APIRequestContext, id: string): Promise<{ runtimeStatus: string; output: unknown }> {
  const response = await request.get(`/api/v1/instances/${encodeURIComponent(id)}`);
  expect(response.status()).toBe(200);
  return response.json();
}

/** The instances list showing only ids with this prefix. */
async function openInstances(page: Page, prefix: string) {
  await page.goto(`/instances?id=${encodeURIComponent(prefix)}`);
  await expect(page.getByTestId("instances-page")).toBeVisible();
}

test("a costly order waits in the inbox, is approved there with a comment, and completes as approved by the person signed in", async ({ page, request }) => {
  await page.goto("/approvals");
  await expect(page.getByTestId("approvals-inbox")).toBeVisible();

  // Started after the page loaded: the row arrives by server push.
  const id = await start(request, PURCHASE_ORDER, { product: "desk", quantity: 2, cost: 5000 });
  const row = page.getByTestId(`approval-row-${id}-approval`);
  await expect(row).toBeVisible({ timeout: 15_000 });
  await expect(row).toContainText("desk × 2 for 5000");
  await expect(row).toContainText(PURCHASE_ORDER);
  await expect(row).toContainText("group managers");
  // The default timeout of a day, relative and absolute.
  await expect(row.getByTestId("approval-timeout")).toContainText(/in 23 h 59 min|in 24 h/);
  await expect(page.getByTestId("approvals-badge")).toBeVisible();

  await row.getByTestId("approval-comment").fill("within the quarter's budget");
  await row.getByTestId("approve").click();
  await expect(row).toHaveCount(0);
  await expect(page.getByTestId("approval-confirmed").filter({ hasText: id })).toBeVisible();

  await page.goto(`/instances/${id}`);
  await expect(page.getByTestId("instance-output")).toContainText(`Approved by '${OWNER.username}'`, { timeout: 30_000 });
  // The decision is on the instance's timeline, with who made it and why.
  await expect(page.getByTestId("operator-mark").and(page.locator('[data-action="approval"]'))).toHaveAttribute("title", `approved by ${OWNER.username}: within the quarter's budget`);
  const history = await (await request.get(`/api/v1/instances/${id}/history`)).text();
  expect(history).toContain("within the quarter's budget");
});

test("an approval nobody decides times out: it leaves the inbox and the order is cancelled", async ({ page, request }) => {
  await page.goto("/approvals");
  await expect(page.getByTestId("approvals-inbox")).toBeVisible();
  const id = await start(request, PURCHASE_ORDER, { product: "chair", quantity: 1, cost: 3000, approvalTimeoutSeconds: 2 });
  const row = page.getByTestId(`approval-row-${id}-approval`);
  await expect(row).toBeVisible();
  await expect(row).toHaveCount(0, { timeout: 15_000 });
  await expect.poll(async () => (await instanceOf(request, id)).output, { timeout: 15_000 }).toBe("Cancelled");

  // The instance's own page tells the same story: cancelled, down the timeout path.
  await page.goto(`/instances/${id}`);
  await expect(page.getByTestId("instance-status")).toHaveText("COMPLETED");
  await expect(page.getByTestId("instance-output")).toHaveText('"Cancelled"');
  await expect(page.getByTestId("node-cancelled")).toHaveAttribute("data-state", "completed");
  await expect(page.getByTestId("node-placeOrder")).toHaveAttribute("data-state", "skipped");
  // The history holds the timeout's timer firing, and the approval's bar on the timeline ends right then.
  const history = page.getByTestId("history-list");
  await history.getByTestId("history-filter-type").selectOption("timer_fired");
  const fired = history.getByTestId("history-row");
  await expect(fired).toHaveCount(1);
  await expect(fired).toContainText('"timerId":"approval:timeout"');
  const firedAt = await fired.locator("span").nth(1).textContent();
  const waitBar = page.getByTestId("timeline-lane-approval").locator(".bar-wait");
  await expect(waitBar).toHaveAttribute("title", new RegExp(`^approval waits for approval_received from .+, times out at .+, ended at ${firedAt!.replaceAll(".", "\\.")}$`));
  await expect(waitBar).not.toHaveClass(/\bopen\b/);
});

test("a decision the server refuses shows its reason, and the approval leaves the inbox", async ({ page, request, playwright, baseURL }) => {
  const jon = await createAccount(request, { username: uniqueUsername("jon"), password: "jon-password-1", roles: ["approver"], groups: ["managers"] });
  const id = await start(request, PURCHASE_ORDER, { product: "lamp", quantity: 4, cost: 1200 });
  await expect
    .poll(async () => ((await (await request.get(`/api/v1/approvals?instanceId=${id}`)).json()) as { approvals: unknown[] }).approvals.length, { timeout: 15_000 })
    .toBe(1);
  // This page hears nothing from the server's push, as when it has lost its connection.
  await page.route("**/trpc/instances.changes**", (route) => route.abort());
  await page.goto("/approvals");
  const row = page.getByTestId(`approval-row-${id}-approval`);
  await expect(row).toBeVisible();

  // Someone else decides first, and the order goes its way.
  const asJon = await signedInRequest(playwright, baseURL!, jon);
  const first = await asJon.post(`/api/v1/instances/${id}/approvals/approval`, { data: { decision: "rejected" } });
  expect(first.status()).toBe(202);
  await asJon.dispose();
  await expect.poll(async () => (await instanceOf(request, id)).output, { timeout: 15_000 }).toBe(`Rejected by '${jon.username}'`);

  await row.getByTestId("approve").click();
  await expect(page.getByTestId("approval-refused")).toContainText(`already decided: rejected by ${jon.username}`);
  await expect(row).toHaveCount(0);
});

test("closing the inbox while a decision is still being sent asks first, and the decision then goes through", async ({ page, request }) => {
  const id = await start(request, PURCHASE_ORDER, { product: "chair", quantity: 4, cost: 3000 });
  await page.goto(`/approvals?workflow=${PURCHASE_ORDER}`);
  const row = page.getByTestId(`approval-row-${id}-approval`);
  await expect(row).toBeVisible({ timeout: 15_000 });

  // The decision is held on its way, as on a slow network: its row has left the list already.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/trpc/approvals.decide**", async (route) => {
    await held;
    await route.continue();
  });
  await row.getByTestId("approve").click();
  await expect(row).toHaveCount(0);

  const asked = page.waitForEvent("dialog");
  await page.close({ runBeforeUnload: true });
  const dialog = await asked;
  expect(dialog.type()).toBe("beforeunload");
  // The person stays, and the decision arrives.
  await dialog.dismiss();
  release();
  await expect(page.getByTestId("approval-confirmed").filter({ hasText: id })).toHaveText(new RegExp(`^Approved ${PURCHASE_ORDER} / ${id}`));
  await expect.poll(async () => (await instanceOf(request, id)).output, { timeout: 15_000 }).toBe(`Approved by '${OWNER.username}'`);
});

test("the instances list filters by workflow, status and waiting, and its counts follow new instances live", async ({ page, request }) => {
  const prefix = idPrefix("filters");
  await openInstances(page, prefix);
  await expect(page.getByTestId("total-count")).toHaveText("0");
  await expect(page.getByTestId("no-instances")).toBeVisible();

  const waiting = await start(request, PURCHASE_ORDER, { product: "desk", quantity: 2, cost: 5000 }, `${prefix}waiting`);
  const approved = await start(request, PURCHASE_ORDER, { product: "pens", quantity: 3, cost: 20 }, `${prefix}approved`);
  const failed = await start(request, "task-chain", {}, `${prefix}failed`);

  // No reload: the counts and rows arrive by push.
  await expect(page.getByTestId("total-count")).toHaveText("3");
  await expect(page.getByTestId("status-count-RUNNING")).toHaveText("1", { timeout: 15_000 });
  await expect(page.getByTestId("waiting-count")).toHaveText("1");
  await expect(page.getByTestId("status-count-COMPLETED")).toHaveText("1", { timeout: 15_000 });
  await expect(page.getByTestId("status-count-FAILED")).toHaveText("1", { timeout: 15_000 });
  const row = (id: string) => page.getByTestId(`instance-row-${id}`);
  await expect(row(waiting)).toContainText(/waiting for approval_received since \d\d:\d\d/);
  for (const id of [waiting, approved, failed]) await expect(row(id)).toBeVisible();

  await page.getByTestId("instance-filter-workflow").selectOption(PURCHASE_ORDER);
  await expect(row(failed)).toHaveCount(0);
  await expect(row(waiting)).toBeVisible();
  await expect(row(approved)).toBeVisible();
  await expect(page.getByTestId("status-count-FAILED")).toHaveText("0");
  await expect(page).toHaveURL(/workflow=purchase-order-approval/);

  const chips = page.getByTestId("instance-filter-status");
  await chips.getByRole("button", { name: /^Waiting/ }).click();
  await expect(chips.getByRole("button", { name: /^Waiting/ })).toHaveAttribute("aria-pressed", "true");
  await expect(row(approved)).toHaveCount(0);
  await expect(row(waiting)).toBeVisible();

  await chips.getByRole("button", { name: /^Waiting/ }).click();
  await chips.getByRole("button", { name: /^Completed/ }).click();
  await expect(row(waiting)).toHaveCount(0);
  await expect(row(approved)).toBeVisible();

  // The filtered view survives a reload.
  await page.reload();
  await expect(page.getByTestId("instance-filter-workflow")).toHaveValue(PURCHASE_ORDER);
  await expect(chips.getByRole("button", { name: /^Completed/ })).toHaveAttribute("aria-pressed", "true");
  await expect(row(approved)).toBeVisible();
  await expect(row(waiting)).toHaveCount(0);

  // A new instance counts at once, without a reload.
  await start(request, PURCHASE_ORDER, { product: "desk", quantity: 1, cost: 4000 }, `${prefix}later`);
  await expect(page.getByTestId("total-count")).toHaveText("3");
  await expect(page.getByTestId("waiting-count")).toHaveText("2", { timeout: 15_000 });
});

test("a waiting instance is terminated from the list after confirming, then rerun from start, and the two are linked both ways", async ({ page, request }) => {
  const prefix = idPrefix("terminate");
  const id = await start(request, PURCHASE_ORDER, { product: "desk", quantity: 2, cost: 5000 }, `${prefix}original`);
  await openInstances(page, prefix);
  const row = page.getByTestId(`instance-row-${id}`);
  await expect(row).toContainText("waiting for approval_received", { timeout: 15_000 });

  await page.getByTestId(`row-actions-${id}`).click();
  const actions = page.getByTestId("instance-actions");
  // What a waiting instance cannot do yet says why.
  await expect(actions.getByTestId("action-rerun")).toBeDisabled();
  await expect(actions).toContainText("Only an ended instance can be rerun; this one is running");
  await expect(actions.getByTestId("action-retry-failed")).toBeDisabled();

  await actions.getByTestId("action-terminate").click();
  const dialog = page.getByTestId("terminate-dialog");
  await expect(dialog).toBeVisible();
  // Cancelling changes nothing.
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toHaveCount(0);
  await actions.getByTestId("action-terminate").click();
  await dialog.getByLabel("Reason").fill("ordered twice");
  await dialog.getByTestId("confirm-action").click();
  await expect(dialog).toHaveCount(0);
  await expect(row.getByTestId("instance-status")).toHaveText("Terminated", { timeout: 15_000 });
  await expect(actions.getByTestId("action-terminate")).toBeDisabled();
  await expect(actions).toContainText("Only a failed instance can be retried from its failed step; this one is terminated");

  await actions.getByTestId("action-rerun").click();
  await expect(page).toHaveURL(/\/instances\/[^/?]+$/);
  const rerunId = decodeURIComponent(new URL(page.url()).pathname.split("/").at(-1)!);
  expect(rerunId).not.toBe(id);
  expect(await instanceOf(request, rerunId)).toMatchObject({ runtimeStatus: expect.stringMatching(/PENDING|RUNNING/) });

  await page.goto(`/instances?workflow=${PURCHASE_ORDER}`);
  await page.getByTestId(`row-actions-${rerunId}`).click();
  await expect(page.getByTestId("rerun-of")).toContainText(`Re-run of ${id}`);
  await expect(page.getByTestId("rerun-of")).toContainText("rerun from start");
  await page.getByTestId(`row-actions-${id}`).click();
  await expect(page.getByTestId("reruns")).toContainText(`Re-runs: ${rerunId}`);
  await page.getByTestId("reruns").getByRole("link", { name: rerunId }).click();
  await expect(page).toHaveURL(`/instances/${rerunId}`);

  // Tidy: the re-run waits for an approval nobody will give.
  expect((await request.post(`/api/v1/instances/${rerunId}/terminate`, { data: {} })).status()).toBe(202);
});

test("a waiting instance is suspended, resumed and sent its approval's event from the list, whose payload is checked as it is typed and decides as the person signed in", async ({ page, request }) => {
  const prefix = idPrefix("steer");
  const id = await start(request, PURCHASE_ORDER, { product: "shelf", quantity: 1, cost: 2000 }, `${prefix}order`);
  await openInstances(page, prefix);
  const row = page.getByTestId(`instance-row-${id}`);
  await expect(row).toContainText("waiting for approval_received", { timeout: 15_000 });
  await page.getByTestId(`row-actions-${id}`).click();
  const actions = page.getByTestId("instance-actions");
  await expect(actions.getByTestId("action-resume")).toBeDisabled();

  await actions.getByTestId("action-suspend").click();
  await expect(row.getByTestId("instance-status")).toHaveText("Suspended", { timeout: 15_000 });
  await expect(actions.getByTestId("action-suspend")).toBeDisabled();
  await actions.getByTestId("action-resume").click();
  await expect(row.getByTestId("instance-status")).toHaveText("Running", { timeout: 15_000 });

  await actions.getByTestId("action-raise-event").click();
  const dialog = page.getByTestId("raise-event-dialog");
  // The event it waits for is suggested, and said to be the approval's decision.
  await expect(dialog.getByTestId("event-name")).toHaveValue("approval_received");
  await expect(dialog).toContainText("An approval waits for approval_received: the payload is your decision");
  await dialog.getByTestId("event-payload").fill('{"decision": "approved", "approver": ');
  await expect(dialog).toContainText("Not valid JSON");
  await expect(dialog.getByTestId("confirm-action")).toBeDisabled();
  // A decision is recorded as made by whoever raises it, never by a name in the payload.
  await dialog.getByTestId("event-payload").fill('{"decision": "approved", "approver": "ops"}');
  await expect(dialog).toContainText("Valid JSON.");
  await dialog.getByTestId("confirm-action").click();
  await expect(dialog).toContainText(`approver "ops" is not who raises it: a decision is recorded as made by its caller, ${OWNER.username}`);
  await dialog.getByTestId("event-payload").fill('{"decision": "approved"}');
  await dialog.getByTestId("confirm-action").click();
  await expect(dialog).toHaveCount(0);
  await expect(row.getByTestId("instance-status")).toHaveText("Completed", { timeout: 15_000 });
  expect((await instanceOf(request, id)).output).toBe(`Approved by '${OWNER.username}'`);
});

test("a failed instance is retried from its failed step, and rerun on a newer version picked in a dialog", async ({ page, request }) => {
  const prefix = idPrefix("reruns");
  const failed = await start(request, "task-chain", {}, `${prefix}chain`);
  await expect.poll(async () => (await instanceOf(request, failed)).runtimeStatus, { timeout: 15_000 }).toBe("FAILED");
  await openInstances(page, prefix);
  await page.getByTestId(`row-actions-${failed}`).click();
  await page.getByTestId("action-retry-failed").click();
  await expect(page).toHaveURL(/\/instances\/[^/?]+$/);
  const retry = decodeURIComponent(new URL(page.url()).pathname.split("/").at(-1)!);
  expect(await instanceOf(request, retry)).toMatchObject({ origin: { instanceId: failed, kind: "retry_failed" } });

  // A workflow of this test's own, whose version 1 fails and version 2 is fixed.
  const workflow = `${prefix}fixed-later`.replace(/-$/, "");
  const publish = (nodes: object) => request.put(`/api/v1/workflows/${workflow}`, { data: { version: 1, start: "x", nodes } });
  expect((await publish({ x: { type: "fail", error: "Broken", message: "'version 1 is broken'" } })).status()).toBe(201);
  const broken = await start(request, workflow, { order: 7 });
  expect((await publish({ x: { type: "end", output: "'fixed'" } })).status()).toBe(201);
  await expect.poll(async () => (await instanceOf(request, broken)).runtimeStatus, { timeout: 15_000 }).toBe("FAILED");

  await page.goto(`/instances?workflow=${workflow}`);
  await page.getByTestId(`row-actions-${broken}`).click();
  await page.getByTestId("action-rerun-version").click();
  const dialog = page.getByTestId("rerun-version-dialog");
  await expect(dialog.getByTestId("rerun-version")).toHaveValue("2");
  await dialog.getByTestId("confirm-action").click();
  await expect(page).toHaveURL(/\/instances\/[^/?]+$/);
  const rerun = decodeURIComponent(new URL(page.url()).pathname.split("/").at(-1)!);
  await expect.poll(async () => (await instanceOf(request, rerun)).output, { timeout: 15_000 }).toBe("fixed");
  expect(await instanceOf(request, rerun)).toMatchObject({ workflowVersion: 2, origin: { instanceId: broken, kind: "on_version" } });
});

const CONTROL_ROLES = ["button", "textbox", "checkbox", "combobox", "spinbutton", "searchbox", "link"];

/** Lines of the page's accessibility snapshot that are controls without a name. */
async function unnamedControls(page: Page): Promise<string[]> {
  const tree = await page.locator("body").ariaSnapshot();
  const unnamed = new RegExp(`^\\s*- '?(${CONTROL_ROLES.join("|")})(?=$|:|'| \\[)`);
  return tree.split("\n").filter((line) => unnamed.test(line));
}

test("the list, the actions, their dialogs and the inbox are named for assistive technology and work from the keyboard", async ({ page, request }) => {
  const prefix = idPrefix("keyboard");
  const id = await start(request, PURCHASE_ORDER, { product: "desk", quantity: 2, cost: 5000 }, `${prefix}order`);
  await openInstances(page, prefix);
  await expect(page.getByTestId(`instance-row-${id}`)).toContainText("waiting for approval_received", { timeout: 15_000 });

  const toggle = page.getByTestId(`row-actions-${id}`);
  await toggle.focus();
  await page.keyboard.press("Enter");
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  expect(await unnamedControls(page), "the instances list with actions open").toEqual([]);

  await page.getByTestId("action-raise-event").focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByTestId("raise-event-dialog");
  await expect(dialog).toBeVisible();
  // The dialog takes the focus, and Escape closes it.
  await expect(dialog.getByTestId("event-name")).toBeFocused();
  expect(await unnamedControls(page), "the raise-event dialog").toEqual([]);
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);

  await page.goto("/approvals");
  await expect(page.getByTestId(`approval-row-${id}-approval`)).toBeVisible();
  expect(await unnamedControls(page), "the approvals inbox").toEqual([]);
  expect((await request.post(`/api/v1/instances/${id}/terminate`, { data: {} })).status()).toBe(202);
});

test("the inbox narrows to one workflow's approvals, and the choice survives a reload", async ({ page, request }) => {
  const other = `expense-claim-${Date.now().toString(36)}`;
  const published = await request.put(`/api/v1/workflows/${other}`, {
    data: {
      version: 1,
      start: "review",
      nodes: {
        review: { type: "wait", event: "approval_received", approval: { summary: "input.claim" }, next: "done" },
        done: { type: "end", output: "steps.review.decision" },
      },
    },
  });
  expect(published.status()).toBe(201);
  const claim = await start(request, other, { claim: "train tickets" });
  const order = await start(request, PURCHASE_ORDER, { product: "lamp", quantity: 3, cost: 4000 });

  await page.goto("/approvals");
  await expect(page.getByTestId(`approval-row-${claim}-review`)).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId(`approval-row-${order}-approval`)).toBeVisible();

  await page.getByLabel("Workflow", { exact: true }).selectOption(other);
  await expect(page.getByTestId(`approval-row-${order}-approval`)).toHaveCount(0);
  await expect(page.getByTestId(`approval-row-${claim}-review`)).toContainText("train tickets");
  await expect(page).toHaveURL(new RegExp(`[?&]workflow=${other}`));

  await page.reload();
  await expect(page.getByTestId("approvals-filter-workflow")).toHaveValue(other);
  await expect(page.getByTestId(`approval-row-${claim}-review`)).toBeVisible();
  await expect(page.getByTestId(`approval-row-${order}-approval`)).toHaveCount(0);

  await page.getByTestId(`approval-row-${claim}-review`).getByTestId("approve").click();
  await expect(page.getByTestId("no-approvals")).toContainText(`No ${other} instance waits for a decision.`);
});

test("an approval is decided on the instance's own page with the inbox's buttons, and the page follows the outcome", async ({ page, request }) => {
  const id = await start(request, PURCHASE_ORDER, { product: "monitor", quantity: 4, cost: 8000 });
  await page.goto(`/instances/${id}`);
  const approval = page.getByTestId("instance-approval-approval");
  await expect(approval).toContainText("monitor × 4 for 8000", { timeout: 15_000 });
  await expect(approval).toContainText("times out");

  await approval.getByTestId("approval-comment").fill("needed for the new hires");
  await approval.getByTestId("reject").click();
  await expect(page.getByTestId("instance-output")).toContainText(`Rejected by '${OWNER.username}'`, { timeout: 30_000 });
  await expect(page.getByTestId("instance-approvals")).toHaveCount(0);
  const history = await (await request.get(`/api/v1/instances/${id}/history`)).text();
  expect(history).toContain("needed for the new hires");
  expect(history).toContain(`"approver":"${OWNER.username}"`);
});

test("the instances list sorts oldest first and pages through every instance, back and forth", async ({ page, request }) => {
  const prefix = idPrefix("paging");
  // One more than a page of 50.
  const ids = Array.from({ length: 51 }, (_, i) => `${prefix}${String(i).padStart(2, "0")}`);
  for (const id of ids) await start(request, "task-chain", 1, id);

  await openInstances(page, prefix);
  await expect(page.getByTestId("total-count")).toHaveText("51");
  const rows = page.getByTestId("instance-list").locator("tbody tr[data-testid^='instance-row-']");
  await expect(rows.first()).toHaveAttribute("data-testid", `instance-row-${ids[50]}`);

  await page.getByTestId("instance-filter-order").selectOption("oldest");
  await expect(page).toHaveURL(/order=oldest/);
  await expect(rows.first()).toHaveAttribute("data-testid", `instance-row-${ids[0]}`);
  await expect(rows).toHaveCount(50);
  await expect(page.getByTestId("next-page")).toHaveText("Newer →");

  await page.getByTestId("next-page").click();
  await expect(page.getByTestId("page-number")).toHaveText("Page 2");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute("data-testid", `instance-row-${ids[50]}`);
  await expect(page.getByTestId("next-page")).toBeDisabled();

  await page.getByTestId("previous-page").click();
  await expect(page.getByTestId("page-number")).toHaveText("Page 1");
  await expect(rows.first()).toHaveAttribute("data-testid", `instance-row-${ids[0]}`);
});

test("whoever started an instance whose approval keeps out its starter is not offered the decision, and is told why", async ({ page, request }) => {
  const workflow = `four-eyes-${Date.now().toString(36)}`;
  const published = await request.put(`/api/v1/workflows/${workflow}`, {
    data: {
      version: 1,
      start: "review",
      nodes: {
        review: { type: "wait", event: "approval_received", approval: { summary: "input.item", excludeStarter: true }, next: "done" },
        done: { type: "end", output: "steps.review.approver" },
      },
    },
  });
  expect(published.status()).toBe(201);

  // Started from the designer's Run dialog: the person signed in is its starter.
  await page.goto(`/workflows/${workflow}`);
  await page.getByTestId("run").click();
  await page.getByTestId("run-input").fill('{"item": "a second monitor"}');
  await page.getByTestId("run-start").click();
  await expect(page).toHaveURL(/\/instances\/[^/]+$/);
  const instanceId = page.url().split("/").at(-1)!;

  await page.goto("/approvals");
  const row = page.getByTestId(`approval-row-${instanceId}-review`);
  await expect(row).toContainText("a second monitor", { timeout: 15_000 });
  await expect(row.getByTestId("approve")).toBeDisabled();
  await expect(row.getByTestId("approve")).toHaveAttribute("title", `${OWNER.username} started this instance, and its approval is for someone else (four eyes)`);

  // Someone else (here another system's token) may decide it.
  const decided = await request.post(`/api/v1/instances/${instanceId}/approvals/review`, { data: { decision: "approved" } });
  expect(decided.status()).toBe(202);
});
