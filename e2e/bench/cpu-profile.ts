/**
 * The main thread's CPU profile of a page load, from the browser's own sampling profiler (Chrome
 * DevTools Protocol): written as a `.cpuprofile` that Chrome's DevTools open, and summed up as the
 * functions that took the most time themselves.
 */
import { writeFileSync } from "node:fs";
import type { Page } from "@playwright/test";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Starts sampling before `page.goto`; the returned function stops, writes `file` and summarises the `top` functions. */
export async function recordCpuProfile(page: Page, file: string, top = 25): Promise<() => Promise<string>> {
  const session = await page.context().newCDPSession(page);
  await session.send("Profiler.enable");
  await session.send("Profiler.setSamplingInterval", { interval: 200 });
  await session.send("Profiler.start");
  return async () => {
    const { profile } = (await session.send("Profiler.stop")) as unknown as { profile: Profile };
    writeFileSync(file, JSON.stringify(profile));
    return `  profile written to ${file}\n${selfTimes(profile, top)}`;
  };
}

/** Milliseconds each function spent itself (not in what it called), most first. */
function selfTimes(profile: Profile, top: number): string {
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const totals = new Map<string, number>();
  profile.samples.forEach((id, index) => {
    const { functionName, url, lineNumber, columnNumber } = byNode.get(id)!.callFrame;
    const file = url.split("/").pop() || "(native)";
    const key = `${functionName || "(anonymous)"} ${file}:${lineNumber + 1}:${columnNumber + 1}`;
    totals.set(key, (totals.get(key) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
  });
  return [...totals.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([key, ms]) => `  ${ms.toFixed(1).padStart(7)} ms ${key}`)
    .join("\n");
}
