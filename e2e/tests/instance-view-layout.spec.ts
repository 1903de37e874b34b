/**
 * The instance view's room at a normal window size: a graph whose labels can be read, panes
 * people resize and find as they left them, a timeline as tall as its lanes, history events
 * readable in full, and steps called by their titles.
 */
import { expect, test, type Locator, type Page } from "./fixtures.ts";
import { snapshot } from "./designer-helpers.ts";
import { openInstance, start } from "./instance-helpers.ts";

test.use({ viewport: { width: 1440, height: 900 } });

const heightOf = async (locator: Locator) => (await locator.boundingBox())!.height;

/** The size each step title on the canvas is drawn at: its font size times the canvas's zoom. */
async function drawnTitleSizes(page: Page): Promise<Array<{ title: string; px: number }>> {
  return page.getByTestId("canvas").locator(".react-flow__node .step-title").evaluateAll((titles) =>
    titles.map((title) => {
      const element = title as HTMLElement;
      const scale = element.getBoundingClientRect().height / element.offsetHeight;
      return { title: element.textContent ?? "", px: parseFloat(getComputedStyle(element).fontSize) * scale };
    }),
  );
}

for (const example of [
  { workflow: "fan-out-fan-in", input: 5, steps: 3 },
  { workflow: "purchase-order-approval", input: { item: "pens", cost: 12 }, steps: 6 },
]) {
  test(`the ${example.workflow} run's graph is drawn with its step titles at least 10 px high at 1440×900`, async ({ page, request }) => {
    const id = await start(request, example.workflow, example.input);
    await openInstance(page, id);
    await expect(page.getByTestId("instance-status")).toHaveText("COMPLETED", { timeout: 30_000 });
    await expect.poll(async () => (await drawnTitleSizes(page)).length).toBeGreaterThanOrEqual(example.steps);
    // The fit runs once the nodes are measured.
    await expect.poll(async () => Math.min(...(await drawnTitleSizes(page)).map((title) => title.px)), { message: JSON.stringify(await drawnTitleSizes(page)) }).toBeGreaterThanOrEqual(10);
    // The pane has the room: most of the window's width, and more height than a strip.
    const pane = (await page.getByTestId("canvas").boundingBox())!;
    expect(pane.height).toBeGreaterThanOrEqual(440);
  });
}

test("the splits between graph, timeline and history drag and step with the keyboard, and a reload keeps them", async ({ page, request }) => {
  const id = await start(request, "fan-out-fan-in", 12);
  await openInstance(page, id);
  await expect(page.getByTestId("instance-status")).toHaveText("COMPLETED", { timeout: 30_000 });
  const graph = page.getByTestId("instance-graph-pane");
  const lanes = page.locator(".timeline-lanes");
  const rows = page.locator(".history-rows");
  const graphBefore = await heightOf(graph);
  const lanesBefore = await heightOf(lanes);
  const rowsBefore = await heightOf(rows);

  // Dragging the handle under the graph by 80 px makes it 80 px shorter.
  const handle = page.getByRole("separator", { name: "Resize the graph" });
  const box = (await handle.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 - 40, { steps: 3 });
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 - 80, { steps: 3 });
  await page.mouse.up();
  await expect.poll(() => heightOf(graph)).toBeCloseTo(graphBefore - 80, 0);

  // The timeline's handle, by keyboard: two steps up; the history's, one bigger step down.
  await page.getByRole("separator", { name: "Resize the timeline" }).focus();
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowUp");
  await expect.poll(() => heightOf(lanes)).toBeCloseTo(lanesBefore - 32, 0);
  await page.getByRole("separator", { name: "Resize the history" }).focus();
  await page.keyboard.press("Shift+ArrowDown");
  await expect.poll(() => heightOf(rows)).toBeCloseTo(rowsBefore + 80, 0);
  await expect(page.getByRole("separator", { name: "Resize the history" })).toHaveAttribute("aria-valuenow", String(Math.round(rowsBefore + 80)));

  await page.reload();
  await expect(page.getByTestId("instance-status")).toHaveText("COMPLETED", { timeout: 30_000 });
  await expect.poll(() => heightOf(graph)).toBeCloseTo(graphBefore - 80, 0);
  await expect.poll(() => heightOf(lanes)).toBeCloseTo(lanesBefore - 32, 0);
  await expect.poll(() => heightOf(rows)).toBeCloseTo(rowsBefore + 80, 0);
});

test("the timeline is as tall as its lanes when they fit, leaving no empty area under them", async ({ page, request }) => {
  const id = await start(request, "fan-out-fan-in", 2);
  await openInstance(page, id);
  await expect(page.getByTestId("instance-status")).toHaveText("COMPLETED", { timeout: 30_000 });
  const laneRows = page.locator(".timeline-lane");
  // The batch, the fan-out, its two items and the aggregation.
  await expect(laneRows).toHaveCount(5);
  const laneHeight = await heightOf(laneRows.first());
  expect(await heightOf(page.locator(".timeline-lanes"))).toBeLessThanOrEqual(5 * laneHeight + 2);
});

test("a history row opens its event pretty-printed below the list, and its JSON copies to the clipboard", async ({ page, request, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const id = await start(request, "fan-out-fan-in", 3);
  await openInstance(page, id);
  await expect(page.getByTestId("instance-status")).toHaveText("COMPLETED", { timeout: 30_000 });
  const list = page.getByTestId("history-list");
  await list.getByLabel("Type").selectOption("activity_completed");
  const row = list.getByTestId("history-row").first();
  const seq = Number(await row.locator("span").first().textContent());
  await row.getByTestId("history-payload").click();
  await expect(row.getByTestId("history-payload")).toHaveAttribute("aria-expanded", "true");

  const detail = list.getByTestId("history-detail");
  const json = detail.getByTestId("history-detail-json");
  await expect(json).toBeVisible();
  const text = (await json.textContent())!;
  const event = JSON.parse(text) as { seq: number; type: string };
  expect(event).toMatchObject({ seq, type: "activity_completed" });
  // Pretty-printed: a field a line, indented.
  expect(text).toContain(`\n  "seq": ${seq},\n`);

  await detail.getByTestId("history-detail-copy").click();
  await expect(detail.getByTestId("history-detail-copied")).toHaveText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);
  await snapshot(page, "history-detail");

  // The same click closes it.
  await row.getByTestId("history-payload").click();
  await expect(detail).toHaveCount(0);
});

test("timeline lanes, the step panel and the history call steps by their titles, ids second", async ({ page, request }) => {
  const id = await start(request, "fan-out-fan-in", 2);
  await openInstance(page, id);
  await expect(page.getByTestId("instance-status")).toHaveText("COMPLETED", { timeout: 30_000 });

  await expect(page.getByTestId("timeline-lane-getBatch").locator(".lane-label")).toHaveText("Get work batch getBatch");
  await expect(page.getByTestId("timeline-lane-processItems[1].processItem").locator(".lane-label")).toHaveText("Process work item [1].processItem");

  await page.getByTestId("timeline-lane-processItems[1].processItem").locator(".lane-label").click();
  await expect(page.getByTestId("step-panel").getByRole("heading").first()).toHaveText(/^Process work item processItems\[1\]\.processItem/);
  // The step as a whole lists its places under its title too.
  await page.getByTestId("step-panel").getByRole("button", { name: /^All 2 places of/ }).click();
  await expect(page.getByTestId("step-panel").locator(".place-list button").first()).toHaveText(/^Process work item processItems\[0\]\.processItem/);

  const list = page.getByTestId("history-list");
  await expect(list.getByLabel("Step").locator("option", { hasText: "Process results (aggregate)" })).toHaveCount(1);
  await list.getByLabel("Type").selectOption("activity_scheduled");
  await expect(list.getByTestId("history-row").first().locator(".history-step")).toHaveText("Get work batch getBatch");
});

test("screenshots of a running instance and of a completed fan-out at 1440×900", async ({ page, request }) => {
  const running = await start(request, "purchase-order-approval", { cost: 5000, product: "desks", quantity: 2 });
  await openInstance(page, running);
  await expect(page.getByTestId("node-approval")).toHaveAttribute("data-state", "waiting", { timeout: 30_000 });
  await snapshot(page, "running-instance");
  expect((await request.post(`/api/v1/instances/${encodeURIComponent(running)}/terminate`, { data: {} })).status()).toBe(202);

  const fanOut = await start(request, "fan-out-fan-in", 8);
  await openInstance(page, fanOut);
  await expect(page.getByTestId("instance-status")).toHaveText("COMPLETED", { timeout: 30_000 });
  await expect(page.getByTestId("node-processItems")).toHaveAttribute("data-state", "completed");
  await page.getByTestId("node-processItem").click();
  await snapshot(page, "completed-fan-out");
  await page.getByTestId("history-payload").nth(3).click();
  await page.getByTestId("history-list").scrollIntoViewIfNeeded();
  await snapshot(page, "completed-fan-out-history");
});
