/**
 * Bulk actions in the browser against the real server: tick instances in the list, terminate
 * them together after a confirmation that names the action and the count, and watch the job's
 * progress to its end; and act on every instance matching the filter, beyond the page.
 */
import { expect, test, type APIRequestContext } from "./fixtures.ts";
import { createAccount, signedInPage, uniqueUsername } from "./test-accounts.ts";

const PURCHASE_ORDER = "purchase-order-approval";

/** Prefixes of the instances each test started: ended after it, so no approval of theirs is left in other specs' inbox. */
const started: string[] = [];

function idPrefix(name: string): string {
  const { repeatEachIndex, retry } = test.info();
  const prefix = `${name}-${Date.now().toString(36)}-${repeatEachIndex}-${retry}-`;
  started.push(prefix);
  return prefix;
}

test.afterEach(async ({ request }) => {
  for (const prefix of started.splice(0)) {
    const response = await request.post("/api/v1/instances/bulk", { data: { action: "terminate", filter: { instanceId: prefix, status: ["PENDING", "RUNNING", "SUSPENDED"] } } });
    expect(response.status()).toBe(202);
    const { jobId } = (await response.json()) as { jobId: string };
    await expect.poll(async () => ((await (await request.get(`/api/v1/bulk-jobs/${jobId}`)).json()) as { status: string }).status, { timeout: 30_000 }).toBe("completed");
    const open = `/api/v1/instances/counts?instanceId=${encodeURIComponent(prefix)}`;
    await expect
      .poll(async () => {
        const { byStatus } = (await (await request.get(open)).json()) as { byStatus: Record<string, number> };
        return byStatus.PENDING! + byStatus.RUNNING! + byStatus.SUSPENDED!;
      }, { timeout: 30_000 })
      .toBe(0);
  }
});

/** Orders costly enough to wait for an approval: they stay running until acted on. */
async function startWaiting(request: APIRequestContext, prefix: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = `${prefix}${String(i).padStart(2, "0")}`;
    const response = await request.post(`/api/v1/workflows/${PURCHASE_ORDER}/start?instanceId=${id}`, { data: { product: "desk", quantity: 1, cost: 5000 } });
    expect(response.status()).toBe(202);
    ids.push(id);
  }
  return ids;
}

/** A workflow whose instances end at once, with `word` as their output. */
const endsWith = (word: string) => ({ version: 1, start: "done", nodes: { done: { type: "end", output: `'${word}'` } } });

/** Publishes `definition` as the next version of `workflow`. */
async function publish(request: APIRequestContext, workflow: string, definition: unknown) {
  expect((await request.put(`/api/v1/workflows/${workflow}`, { data: definition })).status()).toBe(201);
}

/** Starts an instance of `workflow` under each id, and waits until each has completed. */
async function startCompleted(request: APIRequestContext, workflow: string, ids: string[]) {
  for (const id of ids) expect((await request.post(`/api/v1/workflows/${workflow}/start?instanceId=${id}`, { data: {} })).status()).toBe(202);
  for (const id of ids) {
    await expect.poll(async () => ((await (await request.get(`/api/v1/instances/${id}`)).json()) as { runtimeStatus: string }).runtimeStatus).toBe("COMPLETED");
  }
}

test("ticked instances are terminated together, with a confirmation naming the action and count, and the job's progress to its end", async ({ page, request }) => {
  const prefix = idPrefix("bulk-ticked");
  const [first, second, third] = await startWaiting(request, prefix, 3);
  await page.goto(`/instances?id=${encodeURIComponent(prefix)}`);
  await expect(page.getByTestId(`instance-row-${third}`)).toBeVisible();
  await expect(page.getByTestId("bulk-selected")).toHaveText("Tick instances to act on them together");
  await expect(page.getByTestId("bulk-terminate")).toBeDisabled();

  await page.getByTestId(`select-${first}`).check();
  await page.getByTestId(`select-${second}`).check();
  await expect(page.getByTestId("bulk-selected")).toHaveText("2 instances selected");
  await page.getByTestId("bulk-terminate").click();
  const dialog = page.getByTestId("bulk-dialog");
  await expect(dialog.getByRole("heading")).toHaveText("Terminate 2 instances?");
  await dialog.getByTestId("bulk-reason").fill("orders entered twice");
  await dialog.getByTestId("confirm-action").click();
  await expect(dialog).toHaveCount(0);

  const progress = page.getByTestId("bulk-progress");
  await expect(progress).toHaveAttribute("data-status", "completed", { timeout: 30_000 });
  await expect(progress.getByTestId("bulk-done")).toHaveText("2 of 2 done");
  await expect(progress.getByTestId("bulk-skipped")).toHaveText("0 skipped");
  await expect(page.getByTestId(`instance-row-${first}`)).toHaveAttribute("data-status", "TERMINATED", { timeout: 15_000 });
  await expect(page.getByTestId(`instance-row-${second}`)).toHaveAttribute("data-status", "TERMINATED");
  await expect(page.getByTestId(`instance-row-${third}`)).toHaveAttribute("data-status", "RUNNING");
  // The selection is cleared once the job is asked for.
  await expect(page.getByTestId(`select-${first}`)).not.toBeChecked();

  const history = await (await request.get(`/api/v1/instances/${first}/history`)).json();
  expect(history.events.filter((event: { type: string }) => event.type === "terminated")).toHaveLength(1);
  await progress.getByTestId("bulk-dismiss").click();
  await expect(progress).toHaveCount(0);
});

test("every instance matching the filter, beyond the page, is suspended at once", async ({ page, request }) => {
  const prefix = idPrefix("bulk-all");
  const ids = await startWaiting(request, prefix, 53);
  await page.goto(`/instances?id=${encodeURIComponent(prefix)}&status=PENDING,RUNNING`);
  await expect(page.getByTestId("instance-list").locator("tbody > tr")).toHaveCount(50);
  await page.getByTestId("select-page").check();
  await expect(page.getByTestId("bulk-selected")).toHaveText("50 instances selected");
  await page.getByTestId("select-all-matching").click();
  await expect(page.getByTestId("bulk-selected")).toHaveText("All 53 instances matching this filter");

  await page.getByTestId("bulk-suspend").click();
  const dialog = page.getByTestId("bulk-dialog");
  await expect(dialog.getByRole("heading")).toHaveText("Suspend 53 instances matching this filter?");
  await dialog.getByTestId("confirm-action").click();
  const progress = page.getByTestId("bulk-progress");
  await expect(progress).toHaveAttribute("data-status", "completed", { timeout: 30_000 });
  await expect(progress.getByTestId("bulk-done")).toHaveText("53 of 53 done");
  for (const id of [ids[0]!, ids[52]!]) {
    await expect.poll(async () => ((await (await request.get(`/api/v1/instances/${id}`)).json()) as { runtimeStatus: string }).runtimeStatus).toBe("SUSPENDED");
  }

  await page.getByTestId("bulk-jobs").locator("summary").click();
  await expect(page.getByTestId("bulk-job-row").first()).toContainText("53 matching a filter");
});

test("ended instances are re-run together on a version picked from their workflow's list", async ({ page, request }) => {
  const prefix = idPrefix("bulk-version");
  const workflow = `bulk-version-${Date.now().toString(36)}`;
  await publish(request, workflow, endsWith("first"));
  const ids = [`${prefix}a`, `${prefix}b`];
  await startCompleted(request, workflow, ids);
  await publish(request, workflow, endsWith("second"));

  await page.goto(`/instances?id=${encodeURIComponent(prefix)}`);
  for (const id of ids) await page.getByTestId(`select-${id}`).check();
  await page.getByTestId("bulk-rerun_on_version").click();
  const dialog = page.getByTestId("bulk-dialog");
  await expect(dialog.getByRole("heading")).toHaveText("Re-run 2 instances on a version?");
  const version = dialog.getByTestId("bulk-version");
  await expect(version).toHaveValue("2");
  await expect(version.locator("option")).toHaveText([/^version 2 · published/, /^version 1 · published/]);
  await dialog.screenshot({ path: test.info().outputPath("bulk-rerun-version.png") });
  await expect(dialog.getByTestId("confirm-action")).toHaveText("Re-run 2 instances on version 2");
  await dialog.getByTestId("confirm-action").click();
  const progress = page.getByTestId("bulk-progress");
  await expect(progress).toHaveAttribute("data-status", "completed", { timeout: 30_000 });
  await expect(progress.getByTestId("bulk-done")).toHaveText("2 of 2 done");
  await expect(progress.locator("strong")).toHaveText("Re-run on version 2 · 2 instances");

  for (const id of ids) {
    const history = (await (await request.get(`/api/v1/instances/${id}/history`)).json()) as { events: Array<{ type: string; rerunInstanceId?: string; workflowVersion?: number }> };
    const [asked] = history.events.filter((event) => event.type === "rerun_requested");
    expect(asked).toMatchObject({ workflowVersion: 2 });
    await expect
      .poll(async () => (await (await request.get(`/api/v1/instances/${asked!.rerunInstanceId}`)).json()) as { runtimeStatus: string; output: unknown })
      .toMatchObject({ runtimeStatus: "COMPLETED", output: "second" });
  }
});

test("instances of several workflows are re-run on a version number, and one whose workflow lacks it is skipped with why", async ({ page, request }) => {
  const prefix = idPrefix("bulk-versions");
  const [older, newer] = [`${prefix}older`, `${prefix}newer`];
  // Each workflow's one instance has the workflow's name as its id.
  for (const name of [older, newer]) {
    await publish(request, name, endsWith("first"));
    await startCompleted(request, name, [name]);
  }
  await publish(request, newer, endsWith("second"));

  await page.goto(`/instances?id=${encodeURIComponent(prefix)}`);
  await page.getByTestId("select-page").check();
  await page.getByTestId("bulk-rerun_on_version").click();
  const dialog = page.getByTestId("bulk-dialog");
  const version = dialog.getByTestId("bulk-version");
  await expect(dialog.getByTestId("confirm-action")).toBeDisabled();
  await version.fill("0");
  await expect(dialog).toContainText("A version is a whole number from 1.");
  await version.fill("2");
  await dialog.getByTestId("confirm-action").click();
  const progress = page.getByTestId("bulk-progress");
  await expect(progress).toHaveAttribute("data-status", "completed", { timeout: 30_000 });
  await expect(progress.getByTestId("bulk-done")).toHaveText("1 of 2 done");
  await expect(progress.getByTestId("bulk-skipped")).toHaveText("1 skipped");
  await expect(progress).toContainText(older);
  await expect(progress).toContainText("version 2");
});

test("a viewer is offered no selection and no bulk action", async ({ browser, baseURL, request }) => {
  const prefix = idPrefix("bulk-viewer");
  const [id] = await startWaiting(request, prefix, 1);
  const viewer = await createAccount(request, { username: uniqueUsername("vic"), password: "vic-password-1", roles: [] });
  const page = await signedInPage(browser, baseURL!, viewer);
  await page.goto(`/instances?id=${encodeURIComponent(prefix)}`);
  await expect(page.getByTestId(`instance-row-${id}`)).toBeVisible();
  await expect(page.getByTestId(`select-${id}`)).toHaveCount(0);
  await expect(page.getByTestId("bulk-bar")).toHaveCount(0);
  await page.close();
});
