/**
 * Every example workflow opens on the canvas with all its nodes in view after "Fit view" and
 * none drawn over another, and publishing it untouched makes no new version.
 */
import { expect, test } from "./fixtures.ts";
import { boxOf, canvasNodesOf, expectInClearView, node, openWorkflow, overlaps, snapshot, type Box, type Definition } from "./designer-helpers.ts";

const EXAMPLES = ["task-chain", "fan-out-fan-in", "purchase-order-approval", "job-monitor", "async-http"];

for (const name of EXAMPLES) {
  test(`${name} opens with every node in view, none overlapping, and publishes unchanged`, async ({ page, request }) => {
    const published = await request.get(`/api/v1/workflows/${name}`);
    expect(published.ok()).toBe(true);
    const { definition, version } = (await published.json()) as { definition: Definition; version: number };
    const expected = canvasNodesOf(definition);

    await openWorkflow(page, name);
    await page.getByTestId("fit-view").click();

    const ancestorsOf = (id: string) => {
      const chain = new Set<string>();
      for (let parent = expected.get(id); parent; parent = expected.get(parent)) chain.add(parent);
      return chain;
    };
    await expect(async () => {
      await expectInClearView(page, ...expected.keys());
      const boxes = new Map<string, Box>();
      for (const id of expected.keys()) boxes.set(id, await boxOf(node(page, id)));
      for (const [a, boxA] of boxes) {
        for (const [b, boxB] of boxes) {
          if (a >= b || ancestorsOf(a).has(b) || ancestorsOf(b).has(a)) continue;
          expect(overlaps(boxA, boxB), `${a} and ${b} do not overlap`).toBe(false);
        }
      }
    }).toPass({ timeout: 10_000 });
    await snapshot(page, name);

    await page.getByTestId("publish").click();
    await expect(page.getByTestId("message")).toHaveText(`Unchanged: version ${version} is already this definition.`);
    await page.getByTestId("toggle-versions").click();
    await expect(page.getByTestId(`version-${version}`)).toBeVisible();
    await expect(page.getByTestId("versions").getByRole("row")).toHaveCount(version + 1);
  });
}
