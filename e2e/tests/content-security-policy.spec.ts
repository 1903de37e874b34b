/**
 * The web app works under the server's Content-Security-Policy: no page of it needs inline or
 * foreign script, and the layout worker, the canvas and the live updates all load.
 */
import { expect, test } from "./fixtures.ts";

test("the designer, an instance and the inbox run without one Content-Security-Policy violation", async ({ page, request }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto("/");
  expect(response?.headers()["content-security-policy"]).toContain("script-src 'self'");

  // A definition without positions is laid out by the ELK worker.
  await page.goto("/workflows/fan-out-fan-in");
  await expect(page.getByTestId("node-fanOut").or(page.locator("[data-testid^='node-']").first())).toBeVisible();

  const started = await request.post("/api/v1/workflows/task-chain/start", { data: 1 });
  const { instanceId } = (await started.json()) as { instanceId: string };
  await page.goto(`/instances/${instanceId}`);
  await expect(page.getByTestId("instance-status")).toHaveText("COMPLETED", { timeout: 30_000 });

  await page.goto("/approvals");
  await expect(page.getByTestId("approvals-inbox")).toBeVisible();
  expect(violations).toEqual([]);
});
