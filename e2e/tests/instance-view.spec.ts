/** The instance view against the real server: live state on the canvas, timeline, replay and history. */
import { expect, test, type APIRequestContext, type Page } from "./fixtures.ts";
import { snapshot } from "./designer-helpers.ts";
import { OWNER } from "./test-accounts.ts";

/** Starts an instance of an example workflow through the REST API and returns its id. */
async function start(request: APIRequestContext, workflow: string, input: unknown): Promise<string> {
  const response = await request.post(`/api/v1/workflows/${workflow}/start`, { data: input });
  expect(response.status()).toBe(202);
  return ((await response.json()) as { instanceId: string }).instanceId;
}

async function openInstance(page: Page, id: string) {
  await page.goto(`/instances/${encodeURIComponent(id)}`);
  await expect(page.getByTestId("instance-view")).toBeVisible();
}

const node = (page: Page, id: string) => page.getByTestId(`node-${id}`);
const lane = (page: Page, key: string) => page.getByTestId(`timeline-lane-${key}`);

test("a fan-out instance shows its counts on the canvas and a lane per iteration, live", async ({ page, request }) => {
  const id = await start(request, "fan-out-fan-in", 12);
  await openInstance(page, id);
  await expect(page.getByTestId("node-words-processItems")).toHaveText(/\d+\/12 done/);
  await expect(node(page, "processItems")).toHaveAttribute("data-state", "completed", { timeout: 30_000 });
  await expect(page.getByTestId("node-words-processItems")).toContainText("12/12 done");
  await expect(node(page, "processItem")).toHaveAttribute("data-state", "completed");
  await expect(node(page, "aggregate")).toHaveAttribute("data-state", "completed");
  await expect(page.getByTestId("instance-status")).toHaveText("COMPLETED");
  for (const key of ["getBatch", "processItems", "processItems[0].processItem", "processItems[11].processItem", "aggregate"]) {
    await expect(lane(page, key)).toHaveAttribute("data-state", "completed");
  }
  await snapshot(page, "fan-out-completed");
});

test("a waiting step says what it waits for, and the view follows the event as it arrives", async ({ page, request }) => {
  const id = await start(request, "purchase-order-approval", { cost: 5000, product: "desks", quantity: 2 });
  await openInstance(page, id);
  await expect(node(page, "approval")).toHaveAttribute("data-state", "waiting", { timeout: 30_000 });
  await expect(page.getByTestId("node-words-approval")).toContainText("waiting for approval_received since");
  await expect(page.getByTestId("node-words-approval")).toContainText("times out");
  await expect(node(page, "placeOrder")).toHaveAttribute("data-state", "pending");

  const raised = await request.post(`/api/v1/instances/${encodeURIComponent(id)}/events/approval_received`, { data: { decision: "approved", approver: "maria" } });
  expect(raised.status()).toBe(202);
  await expect(node(page, "approval")).toHaveAttribute("data-state", "completed", { timeout: 30_000 });
  await expect(node(page, "placeOrder")).toHaveAttribute("data-state", "completed");
  await expect(page.getByTestId("instance-status")).toHaveText("COMPLETED");
  // Never reached on this run.
  await expect(node(page, "cancelled")).toHaveAttribute("data-state", "skipped");
});

test("connections to the history that fail say the view is reconnecting, and it then follows the instance live", async ({ page, request }) => {
  const id = await start(request, "purchase-order-approval", { cost: 5000, product: "chairs", quantity: 4 });
  // The first connections of the watch fail (the page's preload among them), as when a proxy drops them.
  let refused = 0;
  await page.route(/\/api\/v1\/instances\/[^/]+\/watch/, (route) => (refused++ < 3 ? route.abort("connectionreset") : route.continue()));
  await page.goto(`/instances/${encodeURIComponent(id)}`);
  await expect(page.getByRole("alert")).toContainText("reconnecting");
  await expect(node(page, "approval")).toHaveAttribute("data-state", "waiting", { timeout: 30_000 });
  await expect(page.getByRole("alert")).toHaveCount(0);

  // Live from then on.
  const raised = await request.post(`/api/v1/instances/${encodeURIComponent(id)}/events/approval_received`, { data: { decision: "approved", approver: "maria" } });
  expect(raised.status()).toBe(202);
  await expect(page.getByTestId("instance-status")).toHaveText("COMPLETED", { timeout: 30_000 });
  await expect(page.getByRole("alert")).toHaveCount(0);
  // Each event once: the history list holds the stored history, without a gap or a repeat.
  const history = (await (await request.get(`/api/v1/instances/${encodeURIComponent(id)}/history`)).json()) as { events: Array<{ seq: number }> };
  const seqs = await page.getByTestId("history-row").evaluateAll((rows) => rows.map((row) => Number(row.querySelector("span")?.textContent)));
  expect(seqs).toEqual(history.events.map((event) => event.seq));
});

test("the replay slider shows the canvas and the timeline as they were after each event", async ({ page, request }) => {
  const id = await start(request, "fan-out-fan-in", 6);
  await openInstance(page, id);
  await expect(page.getByTestId("instance-status")).toHaveText("COMPLETED", { timeout: 30_000 });
  await expect(node(page, "aggregate")).toHaveAttribute("data-state", "completed");

  const slider = page.getByTestId("replay-scrubber");
  await slider.focus();
  await page.keyboard.press("Home");
  await expect(page.getByTestId("replay-position")).toContainText("#1 of");
  await expect(page.getByTestId("replay-live")).toHaveAttribute("aria-pressed", "false");
  await expect(node(page, "getBatch")).toHaveAttribute("data-state", "pending");
  await expect(node(page, "processItems")).toHaveAttribute("data-state", "pending");

  // After the batch was scheduled: it runs, and the fan-out has not begun.
  await page.keyboard.press("ArrowRight");
  await expect(page.getByTestId("replay-position")).toContainText("#2 of");
  await expect(node(page, "getBatch")).toHaveAttribute("data-state", "running");
  await expect(lane(page, "getBatch")).toHaveAttribute("data-state", "running");
  await expect(lane(page, "processItems[0].processItem")).toHaveCount(0);
  await snapshot(page, "replay-at-2");

  await page.getByTestId("replay-live").click();
  await expect(page.getByTestId("replay-live")).toHaveAttribute("aria-pressed", "true");
  await expect(node(page, "aggregate")).toHaveAttribute("data-state", "completed");
  await expect(lane(page, "processItems[0].processItem")).toHaveAttribute("data-state", "completed");
});

test("clicking a timeline bar or a canvas node shows the step's input and output in the side panel", async ({ page, request }) => {
  const id = await start(request, "fan-out-fan-in", 5);
  await openInstance(page, id);
  await expect(page.getByTestId("instance-status")).toHaveText("COMPLETED", { timeout: 30_000 });

  const bar = lane(page, "processItems[3].processItem").getByTestId("timeline-bar").and(page.locator(".bar-attempt"));
  await expect(bar).toHaveAttribute("title", /processItems\[3\]\.processItem attempt 1.*started at/);
  await bar.click();
  const panel = page.getByTestId("step-panel");
  await expect(panel.getByRole("heading", { name: /processItems\[3\]\.processItem/ })).toBeVisible();
  await expect(panel.getByTestId("step-input")).toHaveText("4");
  await expect(panel.getByTestId("step-output")).toHaveText("8");
  await expect(node(page, "processItem")).toHaveClass(/\bselected\b/);

  await node(page, "getBatch").click();
  await expect(panel.getByRole("heading", { name: /getBatch/ })).toBeVisible();
  await expect(panel.getByTestId("step-input")).toHaveText("5");
  await expect(panel.getByTestId("step-output")).toContainText("5");
  await snapshot(page, "step-panel");
});

test("the history list filters by event type and by step", async ({ page, request }) => {
  const id = await start(request, "fan-out-fan-in", 4);
  await openInstance(page, id);
  await expect(page.getByTestId("instance-status")).toHaveText("COMPLETED", { timeout: 30_000 });
  const list = page.getByTestId("history-list");
  await expect(list.getByTestId("history-count")).toHaveText(/^\d+ events$/);

  await list.getByLabel("Type").selectOption("activity_completed");
  // The batch, four items and the aggregation.
  await expect(list.getByTestId("history-count")).toHaveText(/^6 of \d+ events$/);
  await expect(list.getByTestId("history-row")).toHaveCount(6);
  for (const type of await list.getByTestId("history-row").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-type")))) {
    expect(type).toBe("activity_completed");
  }

  await list.getByLabel("Step").selectOption("processItem");
  await expect(list.getByTestId("history-count")).toHaveText(/^4 of \d+ events$/);
  await list.getByLabel("Type").selectOption("");
  // Scheduled, started and completed for each of the four items.
  await expect(list.getByTestId("history-count")).toHaveText(/^12 of \d+ events$/);
});

test("a monitor's continue-as-new generations are separated on the timeline and can be stepped through", async ({ page, request, baseURL }) => {
  const id = await start(request, "job-monitor", {
    jobId: "nightly",
    statusUrl: `${baseURL}/api/health`,
    alertUrl: `${baseURL}/api/health`,
    maxChecks: 3,
    healthyIntervalSeconds: 0,
    unhealthyIntervalSeconds: 0,
  });
  await openInstance(page, id);
  await expect(page.getByTestId("instance-status")).toHaveText("COMPLETED", { timeout: 30_000 });
  const generations = page.getByTestId("generation-nav");
  await expect(generations.getByTestId("generation-current")).toHaveText("generation 3 (3 of 3)");
  await expect(node(page, "watch")).toHaveAttribute("data-state", "completed");

  await generations.getByRole("button", { name: "Previous generation" }).click();
  await expect(generations.getByTestId("generation-current")).toHaveText("generation 2 (2 of 3)");
  await expect(page.getByTestId("replay-live")).toHaveAttribute("aria-pressed", "false");
  // The second check ran and its monitor continued as new.
  await expect(lane(page, "check")).toHaveAttribute("data-state", "completed");
  await expect(node(page, "watch")).toHaveAttribute("data-state", "completed");
  await expect(page.getByTestId("replay-position")).toContainText("continued_as_new");

  await generations.getByRole("button", { name: "Next generation" }).click();
  await expect(generations.getByTestId("generation-current")).toHaveText("generation 3 (3 of 3)");
  await expect(page.getByTestId("replay-live")).toHaveAttribute("aria-pressed", "true");

  // The raw history marks where each later generation starts.
  const list = page.getByTestId("history-list");
  await list.getByLabel("Type").selectOption("execution_started");
  await expect(list.getByTestId("history-generation")).toHaveText([/^generation 2 starts/, /^generation 3 starts/]);
});

test("who terminated and re-ran an instance shows on the timelines of both instances and in the history", async ({ page, request }) => {
  const id = await start(request, "purchase-order-approval", { cost: 5000, product: "desks", quantity: 2 });
  await openInstance(page, id);
  await expect(node(page, "approval")).toHaveAttribute("data-state", "waiting", { timeout: 30_000 });
  await expect(page.getByTestId("timeline-operator-lane")).toHaveCount(0);

  await page.getByText("Steer and re-run").click();
  await page.getByTestId("action-terminate").click();
  const dialog = page.getByTestId("terminate-dialog");
  await dialog.getByLabel("Reason").fill("ordered twice");
  await dialog.getByTestId("confirm-action").click();
  await expect(page.getByTestId("instance-status")).toHaveText("TERMINATED", { timeout: 15_000 });
  const terminated = page.getByTestId("operator-mark").and(page.locator('[data-action="terminated"]'));
  await expect(terminated).toHaveAttribute("title", `terminated by ${OWNER.username}: ordered twice`);

  await page.getByTestId("action-rerun").click();
  await expect(page).not.toHaveURL(`/instances/${id}`);
  const rerunId = decodeURIComponent(new URL(page.url()).pathname.split("/").at(-1)!);
  const origin = page.getByTestId("operator-mark").and(page.locator('[data-action="origin"]'));
  await expect(origin).toHaveAttribute("title", `started by ${OWNER.username} as a re-run from the start of instance ${id}`);
  await origin.click();
  await expect(page.getByTestId("operator-detail")).toContainText(`started by ${OWNER.username} as a re-run from the start of ${id}`);
  await page.getByTestId("operator-detail").getByRole("link", { name: id }).click();

  await expect(page).toHaveURL(`/instances/${id}`);
  const rerun = page.getByTestId("operator-mark").and(page.locator('[data-action="rerun"]'));
  await expect(rerun).toHaveAttribute("title", `re-run from the start by ${OWNER.username} as instance ${rerunId}`);
  await rerun.click();
  await expect(page.getByTestId("operator-detail").getByRole("link", { name: rerunId })).toBeVisible();
  await page.getByTestId("history-filter-type").selectOption("rerun_requested");
  await expect(page.getByTestId("history-words")).toHaveText(`re-run from the start by ${OWNER.username} as ${rerunId}`);
  await snapshot(page, "operator-lane");

  expect((await request.post(`/api/v1/instances/${encodeURIComponent(rerunId)}/terminate`, { data: {} })).status()).toBe(202);
});
