/**
 * `pnpm bench:timeline`: how the instance view holds up with 10,000 history events in headless
 * Chromium. Starts the real server on a throwaway database (a fresh one on the Postgres of
 * DATABASE_URL when it is set, else the embedded one), runs a 3,333-item fan-out to
 * completion, opens its instance view, and prints one JSON line per measurement on stdout:
 *   {"scenario":"first-render","events":...,"run":...,"timeline_ms":...,"history_ms":...,"overlay_ms":...}
 *   {"scenario":"open-from-list","events":...,"run":...,"timeline_ms":...,"history_ms":...,"overlay_ms":...}
 *   {"scenario":"scroll-timeline"|"scroll-history"|"zoom-timeline","events":...,"frames":...,"mean_ms":...,"p95_ms":...,"max_ms":...,"fps":...}
 *   {"scenario":"scrub","events":...,"steps":...,"mean_ms":...,"max_ms":...}
 * First-render times run from the start of navigation (a first visit: the app's script is fetched
 * and compiled too) until the view shows the whole history; open-from-list times from the click on
 * the instance in the instances list of the loaded app, as people usually open one. Both wait for the
 * timeline's bars of a map iteration once every chunk of the history has arrived and been replayed,
 * the list's rows once it no longer loads, the canvas's fan-out once it is completed. Frame times
 * are the gaps between animation frames while the gesture runs. The web app must be built first
 * (the root script does it).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Page } from "@playwright/test";
import { recordWaterfall } from "./load-waterfall.ts";
import { recordCpuProfile } from "./cpu-profile.ts";
import { itemsForEvents, wideFanOut } from "../fixtures/wide-fan-out.ts";
import { createEmptyDatabase } from "@flowcraft/db/testing";
import { setUpOwner, startServer, waitForHealth, type OwnerSession } from "./bench-server.ts";

const PORT = Number(process.env.BENCH_PORT ?? 3920);
const BASE_URL = `http://127.0.0.1:${PORT}`;
const EVENTS = Number(process.env.EVENTS ?? 10_000);
/** Wheel steps per gesture: enough frames for a stable p95. */
const GESTURE_STEPS = 120;
/** Replay positions visited by the scrub measurement. */
const SCRUB_STEPS = 10;
/** First-render measurements, each in a fresh browser context; the gestures run on the last. */
const LOADS = Number(process.env.LOADS ?? 1);
/** Opens from the instances list, in the app the last first-render loaded. */
const OPENS = Number(process.env.OPENS ?? LOADS);
/** `1`: also print each load's requests, server-sent messages and long tasks on stderr. */
const WATERFALL = process.env.WATERFALL === "1";
/** A file name: also write each first load's main-thread CPU profile there (`-1`, `-2`… added), and print its hottest functions on stderr. */
const PROFILE = process.env.PROFILE;
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const log = (message: string) => process.stderr.write(`${message}\n`);

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), "flowcraft-bench-timeline-"));
  // With DATABASE_URL, a fresh database on that Postgres, as a deployment runs; otherwise the embedded one.
  const database = process.env.DATABASE_URL ? await createEmptyDatabase() : null;
  const server = startServer(PORT, dataDir, database?.url);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    await waitForHealth(BASE_URL);
    const owner = await setUpOwner(BASE_URL);
    await owner.trpc("workflows.publish", { name: "wide-fan-out", definition: wideFanOut() });
    const { instanceId } = (await owner.rest("POST", "/api/v1/workflows/wide-fan-out/start", itemsForEvents(EVENTS))) as { instanceId: string };
    const ranFor = await waitForCompletion(owner, instanceId);
    const history = (await owner.rest("GET", `/api/v1/instances/${instanceId}/history?limit=10000`)) as { events: unknown[] };
    const events = history.events.length;
    log(`instance ${instanceId}: ${events} events, ran for ${Math.round(ranFor)} ms`);

    // Each load in a fresh context, so every one fetches the app as a first visit does.
    let loaded: Page | undefined;
    for (let run = 1; run <= LOADS; run++) {
      await loaded?.context().close();
      // The measuring code is evaluated from strings, which the page's Content-Security-Policy forbids.
      const context = await browser.newContext({ viewport: { width: 1600, height: 1400 }, bypassCSP: true });
      await owner.signIn(context);
      loaded = await context.newPage();
      print({ scenario: "first-render", events, run, ...(await firstRender(loaded, instanceId, run)) });
    }
    const page = loaded!;
    for (let run = 1; run <= OPENS; run++) print({ scenario: "open-from-list", events, run, ...(await openFromList(page, instanceId)) });

    const lanes = page.locator(".timeline-lanes");
    await lanes.hover();
    print({ scenario: "scroll-timeline", events, ...(await measure(page, async () => {
      for (let i = 0; i < GESTURE_STEPS; i++) await page.mouse.wheel(0, 120);
    })) });

    const lanesBox = (await lanes.boundingBox())!;
    await page.mouse.move(lanesBox.x + lanesBox.width * 0.6, lanesBox.y + lanesBox.height / 2);
    await page.keyboard.down("Control");
    print({ scenario: "zoom-timeline", events, ...(await measure(page, async () => {
      for (let i = 0; i < GESTURE_STEPS; i++) await page.mouse.wheel(0, i < GESTURE_STEPS / 2 ? -100 : 100);
    })) });
    await page.keyboard.up("Control");

    await page.locator(".history-rows").hover();
    print({ scenario: "scroll-history", events, ...(await measure(page, async () => {
      for (let i = 0; i < GESTURE_STEPS; i++) await page.mouse.wheel(0, 240);
    })) });

    print({ scenario: "scrub", events, ...(await scrub(page, events)) });
  } finally {
    await browser.close();
    process.kill(-server.pid!, "SIGTERM");
    rmSync(dataDir, { recursive: true, force: true });
    await database?.destroy();
  }
}

/** Opens the instance view and times it until it shows the whole history. */
async function firstRender(page: Page, instanceId: string, run: number) {
  const waterfall = WATERFALL ? await recordWaterfall(page) : null;
  const profile = PROFILE ? await recordCpuProfile(page, PROFILE.replace(/(\.cpuprofile)?$/, `-${run}.cpuprofile`)) : null;
  await page.goto(`${BASE_URL}/instances/${instanceId}`);
  const shown = await completeView(page);
  if (waterfall) log(await waterfall());
  if (profile) log(await profile());
  return shown;
}

/** Goes to the instances list of the loaded app, clicks the instance, and times it until it shows the whole history. */
async function openFromList(page: Page, instanceId: string) {
  await page.goto(`${BASE_URL}/instances`);
  const link = `[data-testid="instance-row-${instanceId}"] a.instance-id`;
  await page.locator(link).waitFor();
  const clickedAt = (await page.evaluate(`(() => { const at = performance.now(); document.querySelector(${JSON.stringify(link)}).click(); return at; })()`)) as number;
  const { timeline_ms, history_ms, overlay_ms } = await completeView(page);
  return { timeline_ms: round(timeline_ms - clickedAt), history_ms: round(history_ms - clickedAt), overlay_ms: round(overlay_ms - clickedAt) };
}

/** When (page time) the timeline, the list and the canvas first showed the whole history. */
async function completeView(page: Page) {
  // Complete content only: while the history arrives in chunks, the list and the timeline say
  // so (aria-busy), and a partial view must not count as rendered.
  const [timeline, historyList, overlay] = await Promise.all([
    firstSeen(page, '[data-testid="timeline"][aria-busy="false"] [data-testid="timeline-lane-processItems[0].processItem"] [data-testid="timeline-bar"]'),
    firstSeen(page, '[data-testid="history-list"][aria-busy="false"] [data-testid="history-row"]'),
    firstSeen(page, '[data-testid="node-processItems"][data-state="completed"]'),
  ]);
  return { timeline_ms: timeline, history_ms: historyList, overlay_ms: overlay };
}

/** Page time (milliseconds from the start of navigation) when `selector` is first in the page. */
async function firstSeen(page: Page, selector: string): Promise<number> {
  const handle = await page.waitForFunction(`document.querySelector(${JSON.stringify(selector)}) ? performance.now() : null`, undefined, { polling: "raf", timeout: 120_000 });
  return round((await handle.jsonValue()) as number);
}

/** Moves the replay slider to evenly spread positions and times each until the overlay shows it. */
async function scrub(page: Page, events: number) {
  const times: number[] = [];
  for (let i = 1; i <= SCRUB_STEPS; i++) {
    const seq = Math.max(1, Math.floor((events * i) / (SCRUB_STEPS + 1)));
    const ms = (await page.evaluate(`(async () => {
      const slider = document.querySelector('[data-testid="replay-scrubber"]');
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set;
      const started = performance.now();
      setValue.call(slider, "${seq}");
      slider.dispatchEvent(new Event("input", { bubbles: true }));
      const words = () => document.querySelector('[data-testid="node-words-processItems"]')?.textContent ?? "";
      const before = words();
      while (performance.now() - started < 10000) {
        await new Promise((resolve) => requestAnimationFrame(resolve));
        if (words() !== before) break;
      }
      return performance.now() - started;
    })()`)) as number;
    times.push(ms);
  }
  return { steps: times.length, mean_ms: round(times.reduce((a, b) => a + b, 0) / times.length), max_ms: round(Math.max(...times)) };
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
    p95_ms: round(sorted[Math.floor(sorted.length * 0.95)] ?? 0),
    max_ms: round(sorted.at(-1) ?? 0),
    fps: round((gaps.length * 1000) / Math.max(1, total)),
  };
}



/** Polls the instance until it has ended; returns how long that took. */
async function waitForCompletion(owner: OwnerSession, id: string): Promise<number> {
  const started = performance.now();
  const deadline = Date.now() + 600_000;
  while (Date.now() < deadline) {
    const { runtimeStatus } = (await owner.rest("GET", `/api/v1/instances/${id}`)) as { runtimeStatus: string };
    if (runtimeStatus === "COMPLETED") return performance.now() - started;
    if (runtimeStatus === "FAILED" || runtimeStatus === "TERMINATED") throw new Error(`the instance ended ${runtimeStatus}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("the instance did not complete within 10 minutes");
}



const round = (value: number) => Math.round(value * 10) / 10;
const print = (line: object) => process.stdout.write(`${JSON.stringify(line)}\n`);

main().catch((error) => {
  log(String(error instanceof Error ? error.stack : error));
  process.exitCode = 1;
});
