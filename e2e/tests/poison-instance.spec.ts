/**
 * An instance failed by a poison expression, as people meet it: the server failed it with the
 * limit named, the list and the page say so, the page stays usable although replaying the
 * definition in the browser would run the same expression, and the instance can be purged.
 */
import { expect, test, type APIRequestContext } from "./fixtures.ts";

const POISON = "$count($sort([1..1000000]))";

async function startPoison(request: APIRequestContext): Promise<string> {
  const published = await request.put("/api/v1/workflows/poison-sort", { data: { version: 1, start: "a", nodes: { a: { type: "activity", activity: "transform", input: POISON } } } });
  expect([200, 201], await published.text()).toContain(published.status());
  const started = await request.post("/api/v1/workflows/poison-sort/start", { data: null });
  expect(started.status()).toBe(202);
  const id = ((await started.json()) as { instanceId: string }).instanceId;
  await expect
    .poll(async () => ((await (await request.get(`/api/v1/instances/${id}`)).json()) as { runtimeStatus: string }).runtimeStatus, { timeout: 30_000 })
    .toBe("FAILED");
  return id;
}

test("an instance failed by a poison expression says why in the list and on its page, which stays usable, and is purged", async ({ page, request }) => {
  const id = await startPoison(request);

  await page.goto(`/instances?workflowName=poison-sort`);
  await expect(page.getByTestId(`instance-row-${id}`).getByTestId("failed-with")).toHaveText("ExpressionError at a");

  await page.goto(`/instances/${id}`);
  const failure = page.getByTestId("instance-failure");
  await expect(failure).toContainText(`ExpressionError at a: ${POISON}: exceeded the`);
  await expect(failure).toContainText("and its sandbox process was stopped");
  // The browser's replay runs the same expression: it is stopped, and the page says so.
  await expect(page.getByTestId("replay-problem")).toContainText("took over 3 s in the browser and was stopped", { timeout: 30_000 });
  // The page answered all along: the history is there and its filters work.
  await expect(page.getByTestId("history-list")).toContainText("execution_failed");

  await page.getByText("Steer and re-run").click();
  await page.getByTestId("action-purge").click();
  await page.getByTestId("purge-dialog").getByRole("button", { name: "Purge" }).click();
  await expect.poll(async () => (await request.get(`/api/v1/instances/${id}`)).status()).toBe(404);
});
