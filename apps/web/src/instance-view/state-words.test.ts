import { describe, expect, it } from "vitest";
import type { PlaceProgress } from "@flowcraft/engine";
import { fanOutWords, placeWords } from "./state-words.ts";

/** A local time on 1 January 2026 (the words are in the viewer's time zone). */
const at = (hours: number, minutes: number, seconds = 0, day = 1) => new Date(2026, 0, day, hours, minutes, seconds).toISOString();
const now = new Date(at(14, 30));
const place = (fields: Partial<PlaceProgress>): PlaceProgress => ({ key: "k", node: "k", kind: "activity", parent: null, state: "running", attempts: [], timers: [], ...fields });

describe("state words", () => {
  it("says what a wait waits for, since when, and when it times out", () => {
    const waiting = place({ kind: "wait", state: "waiting", waiting: { event: "approval_received", since: at(14, 2), until: at(14, 2, 0, 2) } });
    expect(placeWords(waiting, now, false)).toBe("waiting for approval_received since 14:02, times out 14:02 tomorrow");
  });

  it("says which attempt is next, when, and why the last one failed", () => {
    const retrying = place({
      state: "retrying",
      attempts: [
        { attempt: 2, queuedAt: at(14, 29), outcome: "failed", startedAt: at(14, 29), endedAt: at(14, 29, 30), error: { name: "ActivityFailed", message: "503 from billing" } },
        { attempt: 3, queuedAt: at(14, 29, 30), dueAt: at(14, 30, 8), outcome: "open" },
      ],
      maxAttempts: 5,
      retry: { attempt: 3, nextRetryAt: at(14, 30, 8), lastError: { name: "ActivityFailed", message: "503 from billing" } },
    });
    expect(placeWords(retrying, now, false)).toBe("attempt 3 of 5, next try in 8 s, last error: 503 from billing");
  });

  it("says an activity nobody picked up waits for a worker, and a suspended instance says so first", () => {
    const queued = place({ attempts: [{ attempt: 1, queuedAt: at(14, 10), outcome: "open" }] });
    expect(placeWords(queued, now, false)).toBe("queued since 14:10, waiting for a worker");
    expect(placeWords(queued, now, true)).toBe("instance suspended; queued since 14:10, waiting for a worker");
  });

  it("counts a fan-out's iterations", () => {
    expect(fanOutWords({ total: 100, byState: { completed: 37, running: 5, pending: 58 } })).toBe("37/100 done, 5 running");
    expect(fanOutWords({ total: 10, byState: { completed: 2, retrying: 1, waiting: 7 } })).toBe("2/10 done, 1 retrying, 7 waiting");
  });
});
