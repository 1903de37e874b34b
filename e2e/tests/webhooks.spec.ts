/**
 * A webhook made on the workflow's page: its URL shown once, called by an outside system with a
 * GitHub-style signature, and the instance it started; a forged call is refused and counted
 * where an admin sees it.
 */
import { createHmac } from "node:crypto";
import { expect, test } from "./fixtures.ts";
import { openWorkflow, snapshot, workflowName } from "./designer-helpers.ts";

test.use({ viewport: { width: 1440, height: 900 } });

const SECRET = "a signing secret for the test";
/** Ends with its input, so the instance shows what the webhook handed it. */
const echo = { version: 1, start: "done", nodes: { done: { type: "end", title: "Done", output: "input" } } };

/** A request as GitHub sends it: no credentials but the URL, the body signed with the secret. */
const deliver = (url: string, body: string, secret = SECRET) =>
  fetch(url, {
    method: "POST",
    body,
    headers: { "content-type": "application/json", "x-hub-signature-256": `sha256=${createHmac("sha256", secret).update(body).digest("hex")}` },
  });

test("a webhook created on the workflow's page starts an instance when called with a valid signature", async ({ page, request }) => {
  const name = workflowName("webhook-started");
  expect((await request.put(`/api/v1/workflows/${name}`, { data: echo })).status()).toBe(201);
  await openWorkflow(page, name);

  await page.getByTestId("toggle-webhooks").click();
  const panel = page.getByTestId("webhooks");
  await expect(panel).toContainText("No webhooks yet.");
  await panel.getByTestId("webhook-signature").selectOption("github");
  await panel.getByTestId("webhook-signing-secret").fill(SECRET);
  await panel.getByTestId("webhook-create").click();

  const url = (await panel.getByTestId("webhook-url").textContent())!;
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/hooks\/[A-Za-z0-9_-]+\/[A-Za-z0-9_-]{43}$/);
  await expect(panel.getByTestId("webhook-rotate")).toHaveCount(1);
  await snapshot(page, "webhook-created");

  const forged = await deliver(url, '{"order":1}', "not the secret");
  expect(forged.status).toBe(401);
  const started = await deliver(url, '{"order":42}');
  expect(started.status).toBe(202);
  const { instanceId } = (await started.json()) as { instanceId: string };

  // The URL is not shown again; the owner, an admin, sees the forged call counted.
  await panel.getByTestId("dismiss-webhook-url").click();
  await expect(panel.getByTestId("webhook-url")).toHaveCount(0);
  await page.reload();
  await page.getByTestId("toggle-webhooks").click();
  await expect(page.getByTestId("webhooks").getByTestId("webhook-refusals")).toHaveText("1");
  await expect(page.getByTestId("webhooks").getByTestId("webhook-last-refusal")).toContainText("X-Hub-Signature-256 does not match the body");
  await expect(page.getByTestId("webhooks")).not.toContainText(url.split("/").at(-1)!);
  await page.getByTestId("webhooks").getByTestId("webhook-kind").selectOption("event");
  await snapshot(page, "webhook-listed");

  // Rotating shows a new URL once; the old one is refused from then on.
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByTestId("webhooks").getByTestId("webhook-rotate").click();
  const rotated = (await page.getByTestId("webhooks").getByTestId("webhook-url").textContent())!;
  expect(rotated).not.toBe(url);
  expect((await deliver(url, '{"order":43}')).status).toBe(404);

  await page.goto(`/instances/${instanceId}`);
  await expect(page.getByTestId("instance-status")).toHaveText("COMPLETED", { timeout: 30_000 });
  await expect(page.getByText('"order": 42').filter({ visible: true })).toHaveCount(1);
  await snapshot(page, "webhook-instance");
});
