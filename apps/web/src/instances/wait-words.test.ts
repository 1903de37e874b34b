import { describe, expect, it } from "vitest";
import { clockTime, durationWords, relativeTime } from "./time-words.ts";
import { waitWords } from "./wait-words.ts";

const now = new Date(2026, 10, 25, 14, 30);
const at = (hours: number, minutes: number) => new Date(2026, 10, 25, hours, minutes).toISOString();

describe("wait words", () => {
  it("says which event a wait is for and since when, and when it times out", () => {
    const wait = { kind: "event" as const, node: "approval", event: "approval_received", since: at(14, 2), until: null, approval: true };
    expect(waitWords(wait, now)).toBe(`waiting for approval_received since ${clockTime(at(14, 2), now)}`);
    expect(waitWords({ ...wait, until: at(15, 0) }, now)).toBe(`waiting for approval_received since ${clockTime(at(14, 2), now)}, times out ${clockTime(at(15, 0), now)}`);
  });

  it("says until when a timer runs", () => {
    const timer = { kind: "timer" as const, node: "cool_off", event: null, since: at(14, 0), until: at(15, 0), approval: false };
    expect(waitWords(timer, now)).toBe(`timer until ${clockTime(at(15, 0), now)}`);
  });

  it("shows the clock time alone today, with the date on other days", () => {
    expect(clockTime(at(9, 5), now)).toMatch(/^\d\d:\d\d$/);
    expect(clockTime(new Date(2026, 10, 20, 9, 5).toISOString(), now)).not.toMatch(/^\d\d:\d\d$/);
  });
});

describe("time words", () => {
  it("rounds durations to what matters at their size", () => {
    expect(durationWords(8_400)).toBe("8 s");
    expect(durationWords(5 * 60_000 + 20_000)).toBe("5 min");
    expect(durationWords(3 * 3_600_000)).toBe("3 h");
    expect(durationWords(3 * 3_600_000 + 20 * 60_000)).toBe("3 h 20 min");
    expect(durationWords(52 * 3_600_000)).toBe("2 d 4 h");
  });

  it("says ahead and behind", () => {
    expect(relativeTime(at(14, 35), now)).toBe("in 5 min");
    expect(relativeTime(at(14, 20), now)).toBe("10 min ago");
  });
});
