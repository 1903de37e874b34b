/** The instance view against the real server: live state on the canvas, timeline, replay and history. */
import { expect, test, type APIRequestContext, type Locator, type Page } from "./fixtures.ts";
import { snapshot } from "./designer-helpers.ts";
import { openInstance, start } from "./instance-helpers.ts";
import { OWNER, signedInRequest } from "./test-accounts.ts";

const node = (page: Page, id: string) => page.getByTestId(`node-${id}`);
const lane = (page: Page, key: string) => page.getByTestId(`timeline-lane-${key}`);

/** Publishes a definition of the test's own; a repeated run finds it already there, unchanged. */
async function publish(request: APIRequestContext, workflow: string, definition: object) {
  const response = await request.put(`/api/v1/workflows/${workflow}`, { data: definition });
  expect([200, 201], await response.text()).toContain(response.status());
}

async function raise(request: APIRequestContext, id: string, event: string, payload: unknown) {
  const response = await request.post(`/api/v1/instances/${encodeURIComponent(id)}/events/${event}`, { data: payload });
  expect(response.status()).toBe(202);
}

test("a fan-out's count on the canvas and its branches' lanes follow each branch's event live, without a reload", async ({ page, request }) => {
  // Every branch waits for a parcel, so the test decides when each one finishes.
  await publish(request, "parcels-fan-out", {
    version: 1,
    start: "parcels",
    nodes: {
      parcels: { type: "map", title: "Each parcel", items: "input", body: { start: "arrived", nodes: { arrived: { type: "wait", event: "parcel_arrived" } } } },
    },
  });
  const id = await start(request, "parcels-fan-out", ["p1", "p2", "p3", "p4", "p5"]);
  await openInstance(page, id);
  // Gone if the page reloaded: what follows must arrive by push.
  await page.evaluate(() => Object.assign(window, { sameDocument: true }));

  const count = page.getByTestId("node-words-parcels");
  const branchLanes = page.locator('[data-testid^="timeline-lane-parcels["]');
  const branchLanesIn = (state: string) => branchLanes.and(page.locator(`[data-state="${state}"]`));
  await expect(count).toHaveText(/0\/5 done, 5 waiting$/, { timeout: 30_000 });
  await expect(node(page, "parcels")).toHaveAttribute("data-state", "running");
  await expect(page.getByTestId("node-words-arrived")).toContainText("waiting for parcel_arrived since");
  await expect(branchLanes).toHaveCount(5);
  for (let i = 0; i < 5; i++) await expect(lane(page, `parcels[${i}].arrived`)).toHaveAttribute("data-state", "waiting");

  await raise(request, id, "parcel_arrived", { parcel: 1 });
  await expect(count).toHaveText(/1\/5 done, 4 waiting$/, { timeout: 15_000 });
  await expect(branchLanesIn("completed")).toHaveCount(1);
  await expect(branchLanesIn("waiting")).toHaveCount(4);

  await raise(request, id, "parcel_arrived", { parcel: 2 });
  await raise(request, id, "parcel_arrived", { parcel: 3 });
  await expect(count).toHaveText(/3\/5 done, 2 waiting$/, { timeout: 15_000 });
  await expect(branchLanesIn("completed")).toHaveCount(3);
  await expect(branchLanesIn("waiting")).toHaveCount(2);
  await expect(page.getByTestId("instance-status")).toHaveText("RUNNING");
  // On the 24-hour clock, as every other time on the page.
  await expect(page.locator(".instance-facts dt:has-text('Started') + dd")).toHaveText(/\b\d{2}:\d{2}:\d{2}$/);
  await snapshot(page, "fan-out-3-of-5");

  await raise(request, id, "parcel_arrived", { parcel: 4 });
  await raise(request, id, "parcel_arrived", { parcel: 5 });
  await expect(page.getByTestId("instance-status")).toHaveText("COMPLETED", { timeout: 15_000 });
  await expect(count).toHaveText(/5\/5 done$/);
  await expect(node(page, "parcels")).toHaveAttribute("data-state", "completed");
  await expect(branchLanesIn("completed")).toHaveCount(5);
  expect(await page.evaluate(() => (window as { sameDocument?: boolean }).sameDocument)).toBe(true);
});

/** Approves the example purchase order's approval as the owner, a manager: its event decides it only as someone it allows. */
async function approveAsOwner(playwright: Parameters<typeof signedInRequest>[0], baseURL: string, id: string) {
  const owner = await signedInRequest(playwright, baseURL, OWNER);
  const raised = await owner.post(`/api/v1/instances/${encodeURIComponent(id)}/events/approval_received`, { data: { decision: "approved" } });
  expect(raised.status()).toBe(202);
  await owner.dispose();
}

test("a waiting step says what it waits for, and the view follows the event as it arrives", async ({ page, request, playwright, baseURL }) => {
  const id = await start(request, "purchase-order-approval", { cost: 5000, product: "desks", quantity: 2 });
  await openInstance(page, id);
  await expect(node(page, "approval")).toHaveAttribute("data-state", "waiting", { timeout: 30_000 });
  await expect(page.getByTestId("node-words-approval")).toContainText("waiting for approval_received since");
  await expect(page.getByTestId("node-words-approval")).toContainText("times out");
  await expect(node(page, "placeOrder")).toHaveAttribute("data-state", "pending");

  await approveAsOwner(playwright, baseURL!, id);
  await expect(node(page, "approval")).toHaveAttribute("data-state", "completed", { timeout: 30_000 });
  await expect(node(page, "placeOrder")).toHaveAttribute("data-state", "completed");
  await expect(page.getByTestId("instance-status")).toHaveText("COMPLETED");
  // Never reached on this run.
  await expect(node(page, "cancelled")).toHaveAttribute("data-state", "skipped");
});

test("connections to the history that fail say the view is reconnecting, and it then follows the instance live", async ({ page, request, playwright, baseURL }) => {
  const id = await start(request, "purchase-order-approval", { cost: 5000, product: "chairs", quantity: 4 });
  // The first connections of the watch fail (the page's preload among them), as when a proxy drops them.
  let refused = 0;
  await page.route(/\/api\/v1\/instances\/[^/]+\/watch/, (route) => (refused++ < 3 ? route.abort("connectionreset") : route.continue()));
  await page.goto(`/instances/${encodeURIComponent(id)}`);
  await expect(page.getByRole("alert")).toContainText("reconnecting");
  await expect(node(page, "approval")).toHaveAttribute("data-state", "waiting", { timeout: 30_000 });
  await expect(page.getByRole("alert")).toHaveCount(0);

  // Live from then on.
  await approveAsOwner(playwright, baseURL!, id);
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

test("a decision's branch, and the value that decided it, show on its timeline lane and in the side panel", async ({ page, request }) => {
  const id = await start(request, "purchase-order-approval", { item: "pens", cost: 12 });
  await openInstance(page, id);
  await expect(page.getByTestId("instance-status")).toHaveText("COMPLETED", { timeout: 30_000 });
  const mark = lane(page, "checkCost").getByTestId("timeline-bar").and(page.locator(".bar-choice"));
  await expect(mark).toHaveAttribute("title", /^checkCost went to autoApproved: choice 1, input\.cost < 1000, yielded true at /);
  await node(page, "checkCost").click();
  const panel = page.getByTestId("step-panel");
  await expect(panel.getByRole("heading", { name: "Branch taken" })).toBeVisible();
  await expect(panel.getByTestId("step-choices")).toContainText("went to autoApproved: choice 1, input.cost < 1000, yielded true");
  await snapshot(page, "decision-branch");
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
  // Scheduled and completed (with when it started) for each of the four items.
  await expect(list.getByTestId("history-count")).toHaveText(/^8 of \d+ events$/);
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
  // Only the types this history holds, with their counts: none kept for old histories alone.
  await expect(page.getByTestId("history-filter-type").locator("option", { hasText: "rerun_requested" })).toHaveText("rerun_requested (1)");
  await expect(page.getByTestId("history-filter-type").locator("option", { hasText: "activity_started" })).toHaveCount(0);
  await page.getByTestId("history-filter-type").selectOption("rerun_requested");
  await expect(page.getByTestId("history-words")).toHaveText(`re-run from the start by ${OWNER.username} as ${rerunId}`);
  await snapshot(page, "operator-lane");

  expect((await request.post(`/api/v1/instances/${encodeURIComponent(rerunId)}/terminate`, { data: {} })).status()).toBe(202);
});

/** Where a bar is drawn, in pixels of the page. */
async function boxOf(locator: Locator): Promise<{ x: number; width: number; centre: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error("not drawn");
  return { x: box.x, width: box.width, centre: box.x + box.width / 2 };
}

/** Expects a bar where `expected` says, to within a pixel of rounding. */
async function expectBarAt(bar: Locator, expected: { x?: number; width?: number; centre?: number }) {
  await expect
    .poll(async () => {
      const box = await boxOf(bar);
      return Object.entries(expected).every(([field, value]) => Math.abs(box[field as keyof typeof box] - value) <= 1);
    }, { message: `bar at ${JSON.stringify(expected)}` })
    .toBe(true);
}

test("the timeline zooms in and out and pans in time with its buttons, Ctrl+wheel, dragging and Shift+wheel, and Fit shows the whole run again", async ({ page, request }) => {
  // Three timers in a row: the middle one is short and in the middle, so zooming in on the centre keeps it whole.
  await publish(request, "three-naps", {
    version: 1,
    start: "before",
    nodes: {
      before: { type: "timer", duration: 2, next: "during" },
      during: { type: "timer", duration: 1, next: "after" },
      after: { type: "timer", duration: 2 },
    },
  });
  const id = await start(request, "three-naps", null);
  await openInstance(page, id);
  // Ended, the whole run is a fixed span of time; while running it grows with the clock.
  await expect(page.getByTestId("instance-status")).toHaveText("COMPLETED", { timeout: 30_000 });
  const timeline = page.getByTestId("timeline");
  await timeline.scrollIntoViewIfNeeded();
  const fit = timeline.getByRole("button", { name: "Show the whole generation" });
  const ticks = () => timeline.locator(".timeline-tick").allTextContents();
  const bar = lane(page, "during").locator(".bar-timer");
  const track = await boxOf(lane(page, "during").locator(".lane-track"));
  await expect(fit).toHaveAttribute("aria-pressed", "true");
  const whole = await boxOf(bar);
  const wholeTicks = await ticks();
  expect(whole.width).toBeGreaterThan(track.width / 10);
  expect(whole.x + whole.width).toBeLessThan(track.x + track.width);

  await timeline.getByRole("button", { name: "Zoom in" }).click();
  await expect(fit).toHaveAttribute("aria-pressed", "false");
  // Half the time in the same width, around the middle: the bar doubles about its place.
  await expectBarAt(bar, { width: whole.width * 2, centre: track.x + track.width / 2 + (whole.centre - track.x - track.width / 2) * 2 });
  expect(await ticks()).not.toEqual(wholeTicks);

  await timeline.getByRole("button", { name: "Zoom out" }).click();
  await expectBarAt(bar, { x: whole.x, width: whole.width });
  expect(await ticks()).toEqual(wholeTicks);

  // Ctrl+wheel zooms around the pointer, well left of the middle: the instant under it stays where it is.
  const pointer = track.x + track.width * 0.2;
  await page.mouse.move(pointer, (await lane(page, "during").boundingBox())!.y + 12);
  await page.keyboard.down("Control");
  await page.mouse.wheel(0, -100);
  await page.keyboard.up("Control");
  await expectBarAt(bar, { x: pointer + (whole.x - pointer) * 1.25, width: whole.width * 1.25 });

  await fit.click();
  await expect(fit).toHaveAttribute("aria-pressed", "true");
  await expectBarAt(bar, { x: whole.x, width: whole.width });
  expect(await ticks()).toEqual(wholeTicks);

  // Later shows a quarter of the window further on: everything moves left by a quarter of the track.
  await timeline.getByRole("button", { name: "Later" }).click();
  await expectBarAt(bar, { x: whole.x - track.width / 4, width: whole.width });
  expect(await ticks()).not.toEqual(wholeTicks);
  await timeline.getByRole("button", { name: "Earlier" }).click();
  await expectBarAt(bar, { x: whole.x, width: whole.width });

  // Dragging an empty part of the lanes carries the time under the pointer along.
  const beforeLane = await lane(page, "before").boundingBox();
  const grab = { x: track.x + track.width * 0.9, y: beforeLane!.y + 12 };
  await page.mouse.move(grab.x, grab.y);
  await page.mouse.down();
  await page.mouse.move(grab.x - 60, grab.y, { steps: 4 });
  await page.mouse.move(grab.x - 120, grab.y, { steps: 4 });
  await page.mouse.up();
  await expectBarAt(bar, { x: whole.x - 120, width: whole.width });
  await expect(fit).toHaveAttribute("aria-pressed", "false");
  // Shift+wheel pans as far as the wheel turned.
  await page.keyboard.down("Shift");
  await page.mouse.wheel(0, 100);
  await page.keyboard.up("Shift");
  await expectBarAt(bar, { x: whole.x - 220, width: whole.width });
  // A sideways swipe (a trackpad's, or Shift+wheel where the browser turns it sideways) pans back.
  await page.mouse.wheel(-100, 0);
  await expectBarAt(bar, { x: whole.x - 120, width: whole.width });
  await snapshot(page, "timeline-dragged");

  await fit.click();
  await expectBarAt(bar, { x: whole.x, width: whole.width });
});

/** add_one refuses what is not a number, on every attempt. */
const REFUSAL = 'add_one expects a number, got "forty-two"';

/** Starts a workflow whose one step, "charge", fails every attempt its retry policy allows. */
async function startRefusedCharge(request: APIRequestContext, name: string, retry: { maxAttempts: number; firstInterval: number; backoffCoefficient: number }) {
  await publish(request, name, { version: 1, start: "charge", nodes: { charge: { type: "activity", activity: "add_one", input: "'forty-two'", retry } } });
  return start(request, name, null);
}

test("a step that failed after its retries shows the error and which attempt of how many in the side panel", async ({ page, request }) => {
  const id = await startRefusedCharge(request, "charge-twice-retried", { maxAttempts: 3, firstInterval: 0.5, backoffCoefficient: 1 });
  await openInstance(page, id);
  await expect(page.getByTestId("instance-status")).toHaveText("FAILED", { timeout: 30_000 });
  await expect(node(page, "charge")).toHaveAttribute("data-state", "failed");
  await expect(page.getByTestId("node-words-charge")).toHaveText(`failed after 3 attempts: ${REFUSAL}`);

  const attempts = lane(page, "charge").locator(".bar-attempt");
  await expect(attempts).toHaveCount(3);
  const last = attempts.and(page.locator('[data-attempt="3"]'));
  await expect(last).toHaveAttribute("title", new RegExp(`^charge attempt 3 of 3: started at .+, failed at .+: ${REFUSAL}$`));
  await last.click();

  const panel = page.getByTestId("step-panel");
  await expect(panel.getByRole("heading", { name: /charge/ })).toContainText("failed");
  await expect(panel.getByTestId("step-attempts")).toHaveText("3 of 3");
  // The error as recorded, JSON-quoted.
  await expect(panel.getByTestId("step-error")).toContainText(`"message": ${JSON.stringify(REFUSAL)}`);
  await expect(panel.getByTestId("step-error")).toContainText('"attempts": 3');
  // Every attempt, each with why it failed.
  const rows = panel.getByRole("table", { name: "Attempts" }).locator("tbody tr");
  await expect(rows).toHaveCount(3);
  for (const row of await rows.all()) await expect(row.locator("td").last()).toHaveText(`failed: ${REFUSAL}`);
  await expect(lane(page, "charge")).toHaveClass(/\bselected\b/);
  await expect(node(page, "charge")).toHaveClass(/\bselected\b/);
  await snapshot(page, "step-panel-failed");
});

test("a step between retries says which attempt comes next, of how many, when, and the last error", async ({ page, request }) => {
  // The second retry waits long enough for the test to look at it: 0.5 s, then 50 s.
  const id = await startRefusedCharge(request, "charge-slow-retries", { maxAttempts: 4, firstInterval: 0.5, backoffCoefficient: 100 });
  await openInstance(page, id);
  const words = page.getByTestId("node-words-charge");
  await expect(words).toHaveText(new RegExp(`^attempt 3 of 4, next try in \\d+ s, last error: ${REFUSAL}$`), { timeout: 30_000 });
  await expect(node(page, "charge")).toHaveAttribute("data-state", "retrying");

  await node(page, "charge").click();
  const panel = page.getByTestId("step-panel");
  await expect(panel.getByRole("heading", { name: /charge/ })).toContainText("retrying");
  await expect(panel.getByTestId("step-attempts")).toHaveText("3 of 4");
  await expect(panel.getByTestId("step-words")).toContainText(`last error: ${REFUSAL}`);
  const rows = panel.getByRole("table", { name: "Attempts" }).locator("tbody tr");
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0).locator("td").last()).toHaveText(`failed: ${REFUSAL}`);
  await expect(rows.nth(1).locator("td").last()).toHaveText(`failed: ${REFUSAL}`);
  // The third has not started: its backoff runs on the timeline, still open.
  await expect(rows.nth(2).locator("td")).toHaveText(["3", "—", "—", "open"]);
  await expect(lane(page, "charge").locator(".bar-backoff[data-attempt='3']")).toHaveAttribute("title", /^charge attempt 3 of 4: backoff from .+ until .+$/);
  await expect(panel.getByTestId("step-error")).toHaveCount(0);

  expect((await request.post(`/api/v1/instances/${encodeURIComponent(id)}/terminate`, { data: {} })).status()).toBe(202);
});
