/** What a waiting instance waits on, in a line: "waiting for approval_received since 14:02". */
import type { OpenWait } from "./instance-types.ts";
import { clockTime } from "../instance-view/time-words.ts";

export function waitWords(wait: OpenWait, now: Date): string {
  if (wait.kind === "timer") {
    const fires = wait.until ? `, fires ${clockTime(wait.until, now)}` : "";
    return `timer ${wait.node} since ${clockTime(wait.since, now)}${fires}`;
  }
  const deadline = wait.until ? `, times out ${clockTime(wait.until, now)}` : "";
  return `waiting for ${wait.event ?? wait.node} since ${clockTime(wait.since, now)}${deadline}`;
}
