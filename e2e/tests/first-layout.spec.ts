/**
 * A workflow whose definition places none of its steps (the examples, anything made through the
 * API) opens already laid out: its steps are not first drawn stacked in a column and then moved
 * once the automatic layout has answered.
 */
import { expect, test } from "./fixtures.ts";
import { expectLaidOut } from "./designer-helpers.ts";

test("the steps of an unplaced workflow appear where they stay", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  // Every animation frame from the page's start: where each drawn node is, in the canvas's own coordinates.
  await page.addInitScript(() => {
    const seen: Record<string, string[]> = {};
    (window as unknown as { __nodePlaces: typeof seen }).__nodePlaces = seen;
    const look = () => {
      for (const element of Array.from(document.querySelectorAll<HTMLElement>(".react-flow__node[data-id]"))) {
        const places = (seen[element.dataset.id!] ??= []);
        if (places.at(-1) !== element.style.transform) places.push(element.style.transform);
      }
      requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  await page.goto("/workflows/purchase-order-approval");
  await expectLaidOut(page);
  // Long enough for a late move to show.
  await page.waitForTimeout(500);
  const places = (await page.evaluate("window.__nodePlaces")) as Record<string, string[]>;
  expect(Object.keys(places).length).toBeGreaterThan(5);
  const moved = Object.entries(places).filter(([, seen]) => seen.length > 1);
  expect(moved, "nodes drawn in one place and then moved").toEqual([]);
});
