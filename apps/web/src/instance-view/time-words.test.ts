import { describe, expect, it } from "vitest";
import { relativeTime, timeAgo } from "./time-words.ts";

const now = new Date("2026-12-06T12:00:00.000Z");
const at = (offsetMs: number) => new Date(now.getTime() + offsetMs).toISOString();

describe("timeAgo", () => {
  it("says how long ago a past time was", () => {
    expect(timeAgo(at(-8_000), now)).toBe("8 s ago");
    expect(timeAgo(at(-125_000), now)).toBe("2 min 5 s ago");
  });

  it("reads a time after the clock it is read against, which ticks only now and then, as just now", () => {
    expect(timeAgo(at(1_200), now)).toBe("just now");
    expect(timeAgo(at(-300), now)).toBe("just now");
  });
});

describe("relativeTime", () => {
  it("says when a future time comes and how long ago a past one was", () => {
    expect(relativeTime(at(8_000), now)).toBe("in 8 s");
    expect(relativeTime(at(-8_000), now)).toBe("8 s ago");
  });
});
