/** Retention from the designer: an operator keeps a workflow's ended instances for some days, or for ever, and back to the default. */
import { expect, test } from "./fixtures.ts";
import { openWorkflow, workflowName } from "./designer-helpers.ts";

test.use({ viewport: { width: 1440, height: 900 } });

const echo = { version: 1, start: "done", nodes: { done: { type: "end", output: "input" } } };

test("a workflow's retention is set in the designer and read back by the API", async ({ page, request }) => {
  const name = workflowName("kept-echo");
  expect((await request.put(`/api/v1/workflows/${name}`, { data: echo })).status()).toBe(201);
  const stored = async () => (await (await request.get(`/api/v1/workflows/${name}/retention`)).json()).retentionDays;
  await openWorkflow(page, name);
  await page.getByTestId("toggle-retention").click();
  const panel = page.getByTestId("retention");
  await expect(panel.getByTestId("retention-effective")).toContainText("purged 30 days after they end");

  await panel.getByLabel("For ever").check();
  await panel.getByTestId("retention-save").click();
  await expect(panel.getByTestId("retention-effective")).toHaveText("Ended instances are kept for ever.");
  expect(await stored()).toBe(0);

  await panel.getByLabel("Days to keep").fill("7");
  await panel.getByTestId("retention-save").click();
  await expect(panel.getByTestId("retention-effective")).toContainText("purged 7 days after they end");
  expect(await stored()).toBe(7);

  await panel.getByLabel(/The installation's/).check();
  await panel.getByTestId("retention-save").click();
  await expect(panel.getByTestId("retention-effective")).toContainText("purged 30 days after they end");
  expect(await stored()).toBeNull();
});
