/**
 * The approvals inbox with more approvals than one page: it loads them a page at a time, counts
 * them all, and the instance page does the same for a fan-out of approvals.
 */
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "./fixtures.ts";

const APPROVALS = 60;

test("a fan-out of 60 approvals fills the inbox a page at a time, each once, and the counts follow a decision", async ({ page, request }) => {
  const workflow = `many-approvals-${Date.now().toString(36)}`;
  const published = await request.put(`/api/v1/workflows/${workflow}`, {
    data: {
      version: 1,
      start: "each",
      nodes: {
        each: {
          type: "map",
          items: "input",
          body: { start: "approve", nodes: { approve: { type: "wait", event: "approval_received", approval: { summary: "'laptop for ' & item" } } } },
        },
      },
    },
  });
  expect(published.status()).toBe(201);
  const people = Array.from({ length: APPROVALS }, (_, i) => `person ${i + 1}`);
  const started = await request.post(`/api/v1/workflows/${workflow}/start`, { data: people });
  expect(started.status()).toBe(202);
  const { instanceId } = (await started.json()) as { instanceId: string };
  // Sixty undecided approvals left behind would push every later test's approval off the inbox's first page.
  try {
    await decideAPageAtATime(page, request, workflow, instanceId);
  } finally {
    await request.post(`/api/v1/instances/${instanceId}/terminate`, { data: {} });
  }
});

async function decideAPageAtATime(page: Page, request: APIRequestContext, workflow: string, instanceId: string) {
  await expect
    .poll(async () => ((await (await request.get(`/api/v1/approvals?instanceId=${instanceId}&limit=1`)).json()) as { total: number }).total, { timeout: 30_000 })
    .toBe(APPROVALS);

  await page.goto(`/approvals?workflow=${workflow}`);
  const rows = page.locator('[data-testid^="approval-row-"]');
  const footer = page.getByTestId("load-more");
  await expect(rows).toHaveCount(50);
  await expect(footer).toContainText(`50 of ${APPROVALS} waiting approvals shown`);
  // Every approval counts in the badge, not only those on the page.
  await expect.poll(async () => Number((await page.getByTestId("approvals-badge").innerText()).replace(/\D/g, ""))).toBeGreaterThanOrEqual(APPROVALS);

  await footer.getByRole("button", { name: "Load more" }).click();
  await expect(rows).toHaveCount(APPROVALS);
  await expect(footer).toContainText(`${APPROVALS} of ${APPROVALS} waiting approvals shown`);
  await expect(footer.getByRole("button", { name: "Load more" })).toHaveCount(0);
  const summaries = await page.getByTestId("approval-summary").allInnerTexts();
  expect(new Set(summaries).size).toBe(APPROVALS);

  // The last one, loaded with the second page, is decided: the rest stay, counted one fewer.
  const last = rows.last();
  await last.getByTestId("approve").click();
  await expect(rows).toHaveCount(APPROVALS - 1);
  await expect(footer).toContainText(`${APPROVALS - 1} of ${APPROVALS - 1} waiting approvals shown`);

  // The instance page lists the first ten and loads the rest on demand.
  await page.goto(`/instances/${instanceId}`);
  const onInstance = page.getByTestId("instance-approvals");
  await expect(onInstance.locator('[data-testid^="instance-approval-"]')).toHaveCount(10);
  await expect(onInstance.getByTestId("load-more")).toContainText(`10 of ${APPROVALS - 1} approvals shown`);
  await onInstance.getByRole("button", { name: "Load more" }).click();
  await expect(onInstance.locator('[data-testid^="instance-approval-"]')).toHaveCount(20);
}
