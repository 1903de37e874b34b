/**
 * `pnpm bench:canvas`: how the designer's canvas holds up with a 500-node workflow in headless
 * Chromium. Starts the real server on a throwaway embedded database, opens the generated workflow
 * in the designer, and prints one JSON line per measurement on stdout:
 *   {"scenario":"open","nodes":505,"ms":...}
 *   {"scenario":"pan"|"zoom"|"drag","nodes":505,"frames":...,"mean_ms":...,"median_ms":...,"p95_ms":...,"max_ms":...,"fps":...}
 * Frame times are the gaps between animation frames while the gesture runs: a smooth canvas keeps
 * them near the display's 16.7 ms. The web app must be built first (the root script does it).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { allGraphs, type Definition } from "@flowcraft/definition";
import { chromium, type Page } from "@playwright/test";
import { largeWorkflow } from "../fixtures/large-workflow.ts";
import { setUpOwner, startServer, waitForHealth } from "./bench-server.ts";

const PORT = Number(process.env.BENCH_PORT ?? 3918);
const BASE_URL = `http://127.0.0.1:${PORT}`;
const NODES = Number(process.env.NODES ?? 500);
/** Pointer moves per gesture: enough frames for a stable p95. */
const GESTURE_STEPS = 120;
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const log = (message: string) => process.stderr.write(`${message}\n`);

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), "flowcraft-bench-canvas-"));
  const server = startServer(PORT, dataDir);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    await waitForHealth(BASE_URL);
    const owner = await setUpOwner(BASE_URL);
    const definition = largeWorkflow(NODES);
    const name = `large-${NODES}`;
    await owner.trpc("drafts.create", { name, definition });
    const nodes = countNodes(definition);
    // The measuring code is evaluated from strings, which the page's Content-Security-Policy forbids.
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, bypassCSP: true });
    await owner.signIn(context);
    const page = await context.newPage();

    const opened = performance.now();
    await page.goto(`${BASE_URL}/workflows/${name}`);
    // Laid out: every node has its place, so what follows measures gestures, not layout. The
    // canvas draws only the nodes in view, so one step drawn is the graph on screen.
    await page.locator('[data-testid="canvas"][data-ready="true"]').waitFor();
    await page.locator(".react-flow__node-step").first().waitFor();
    print({ scenario: "open", nodes, ms: round(performance.now() - opened) });

    const pane = page.locator(".react-flow__pane");
    const box = (await pane.boundingBox())!;
    const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    // The graph is a tall column in the middle: a pan starts from the empty left edge.
    const edge = { x: box.x + 40, y: box.y + box.height / 4 };

    print({ scenario: "pan", nodes, ...(await measure(page, async () => {
      await page.mouse.move(edge.x, edge.y);
      await page.mouse.down();
      for (let i = 1; i <= GESTURE_STEPS; i++) await page.mouse.move(edge.x + 150 + Math.sin(i / 10) * 150, edge.y + i * 2, { steps: 1 });
      await page.mouse.up();
    })) });

    print({ scenario: "zoom", nodes, ...(await measure(page, async () => {
      await page.mouse.move(centre.x, centre.y);
      for (let i = 0; i < GESTURE_STEPS; i++) await page.mouse.wheel(0, i < GESTURE_STEPS / 2 ? -40 : 40);
    })) });

    await page.getByTestId("fit-view").click();
    await page.locator(".react-flow__node-step").first().waitFor();
    const nodeBox = await visibleStepBox(page, box);
    print({ scenario: "drag", nodes, ...(await measure(page, async () => {
      await page.mouse.move(nodeBox.x + nodeBox.width / 2, nodeBox.y + nodeBox.height / 2);
      await page.mouse.down();
      for (let i = 1; i <= GESTURE_STEPS; i++) await page.mouse.move(nodeBox.x + nodeBox.width / 2 + i * 2, nodeBox.y + nodeBox.height / 2 - i, { steps: 1 });
      await page.mouse.up();
    })) });
  } finally {
    await browser.close();
    process.kill(-server.pid!, "SIGTERM");
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Records animation-frame gaps in the page while `gesture` runs. */
async function measure(page: Page, gesture: () => Promise<void>) {
  // A string, not a function: the TypeScript loader would wrap a function in helpers the page lacks.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__recording = true;
    let last = performance.now();
    const tick = (now) => {
      window.__frames.push(now - last);
      last = now;
      if (window.__recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  await gesture();
  const gaps = (await page.evaluate(`(() => {
    window.__recording = false;
    return window.__frames.slice(1);
  })()`)) as number[];
  const sorted = [...gaps].sort((a, b) => a - b);
  const total = gaps.reduce((sum, gap) => sum + gap, 0);
  return {
    frames: gaps.length,
    mean_ms: round(total / Math.max(1, gaps.length)),
    median_ms: round(sorted[Math.floor(sorted.length / 2)] ?? 0),
    p95_ms: round(sorted[Math.floor(sorted.length * 0.95)] ?? 0),
    max_ms: round(sorted.at(-1) ?? 0),
    fps: round((gaps.length * 1000) / Math.max(1, total)),
  };
}

/** A step node lying wholly inside the visible pane, to grab for a drag. */
async function visibleStepBox(page: Page, pane: { x: number; y: number; width: number; height: number }) {
  for (const step of await page.locator(".react-flow__node-step").all()) {
    const b = await step.boundingBox();
    if (b && b.x > pane.x && b.y > pane.y && b.x + b.width < pane.x + pane.width && b.y + b.height < pane.y + pane.height) return b;
  }
  throw new Error("no step node is visible after fitting the view");
}




/** Nodes of every graph, nested ones included. */
function countNodes(definition: Record<string, unknown>): number {
  return allGraphs(definition as unknown as Definition).reduce((count, { graph }) => count + Object.keys(graph.nodes).length, 0);
}

const round = (value: number) => Math.round(value * 10) / 10;
const print = (line: object) => process.stdout.write(`${JSON.stringify(line)}\n`);

main().catch((error) => {
  log(String(error instanceof Error ? error.stack : error));
  process.exitCode = 1;
});
