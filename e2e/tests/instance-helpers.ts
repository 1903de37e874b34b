/** What the instance view specs share: starting an instance through the REST API and opening its page. */
import { expect, type APIRequestContext, type Page } from "./fixtures.ts";

/** Starts an instance of a workflow through the REST API and returns its id. */
export async function start(request: APIRequestContext, workflow: string, input: unknown): Promise<string> {
  const response = await request.post(`/api/v1/workflows/${workflow}/start`, { data: input });
  expect(response.status()).toBe(202);
  return ((await response.json()) as { instanceId: string }).instanceId;
}

export async function openInstance(page: Page, id: string) {
  await page.goto(`/instances/${encodeURIComponent(id)}`);
  await expect(page.getByTestId("instance-view")).toBeVisible();
}
