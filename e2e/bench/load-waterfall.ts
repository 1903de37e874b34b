/**
 * What a page load spent its time on, from the browser's own record (Chrome DevTools Protocol):
 * each request's start, first byte and end, when the data of a stream that stays open arrived
 * (server-sent events), and the main thread's long tasks. Times are milliseconds from the navigation's start,
 * on the same clock as the page's `performance.now()`.
 */
import type { CDPSession, Page } from "@playwright/test";

export interface WaterfallRow {
  url: string;
  startMs: number;
  firstByteMs: number | null;
  endMs: number | null;
  bytes: number;
  /** Arrival of each piece of the body: a stream that stays open is still told apart. */
  dataMs: number[];
}

/** Starts recording before `page.goto`; the returned function reads the record so far. */
export async function recordWaterfall(page: Page): Promise<() => Promise<string>> {
  const session: CDPSession = await page.context().newCDPSession(page);
  await session.send("Network.enable");
  const rows = new Map<string, WaterfallRow>();
  // CDP timestamps are seconds on a monotonic clock; the document request's start is the origin.
  let origin: number | null = null;
  const at = (timestamp: number) => Math.round((timestamp - (origin ?? timestamp)) * 1000);
  session.on("Network.requestWillBeSent", (event) => {
    origin ??= event.timestamp;
    rows.set(event.requestId, { url: event.request.url, startMs: at(event.timestamp), firstByteMs: null, endMs: null, bytes: 0, dataMs: [] });
  });
  session.on("Network.responseReceived", (event) => {
    const row = rows.get(event.requestId);
    if (row) row.firstByteMs = at(event.timestamp);
  });
  session.on("Network.dataReceived", (event) => {
    const row = rows.get(event.requestId);
    if (row) {
      row.bytes += event.encodedDataLength;
      row.dataMs.push(at(event.timestamp));
    }
  });
  session.on("Network.loadingFinished", (event) => {
    const row = rows.get(event.requestId);
    if (row) row.endMs = at(event.timestamp);
  });
  await page.addInitScript(() => {
    const tasks: Array<[number, number]> = [];
    (window as unknown as { __longTasks: typeof tasks }).__longTasks = tasks;
    new PerformanceObserver((list) => list.getEntries().forEach((entry) => tasks.push([entry.startTime, entry.duration]))).observe({ type: "longtask", buffered: true });
  });
  return async () => {
    const tasks = (await page.evaluate("window.__longTasks")) as Array<[number, number]>;
    const lines = [...rows.values()].map((row) => {
      const path = new URL(row.url).pathname.slice(0, 48);
      const messages = row.endMs === null && row.dataMs.length > 0 ? ` data from ${row.dataMs[0]} to ${row.dataMs.at(-1)} ms` : "";
      return `  ${String(row.startMs).padStart(5)} → ${String(row.firstByteMs ?? "-").padStart(5)} → ${String(row.endMs ?? "open").padStart(5)} ms ${String(Math.round(row.bytes / 1024)).padStart(5)} KB ${path}${messages}`;
    });
    const longTasks = tasks.map(([start, duration]) => `${Math.round(start)}+${Math.round(duration)}`).join(" ");
    return `${lines.join("\n")}\n  long tasks (start+ms): ${longTasks}`;
  };
}
