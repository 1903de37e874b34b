import { describe, expect, it } from "vitest";
import { jitterMs, nextOccurrences, occurrenceInstanceId, type ScheduleTiming } from "./schedule-timing.ts";

const newYork = (cron: string): ScheduleTiming => ({ cron, intervalSeconds: null, timeZone: "America/New_York", startAt: null, endAt: null });
const iso = (dates: Date[]) => dates.map((d) => d.toISOString());

describe("daylight saving in America/New_York", () => {
  it("runs a daily 02:30 once at 03:00 on the day 02:30 does not exist", () => {
    expect(iso(nextOccurrences(newYork("30 2 * * *"), new Date("2026-03-07T12:00:00Z"), 3))).toEqual([
      "2026-03-08T07:00:00.000Z", // 03:00 EDT: the end of the gap
      "2026-03-09T06:30:00.000Z", // 02:30 EDT
      "2026-03-10T06:30:00.000Z",
    ]);
  });

  it("runs a daily 01:30 once on the day 01:30 happens twice", () => {
    expect(iso(nextOccurrences(newYork("30 1 * * *"), new Date("2026-10-31T12:00:00Z"), 2))).toEqual([
      "2026-11-01T05:30:00.000Z", // 01:30 EDT, the first of the two
      "2026-11-02T06:30:00.000Z", // 01:30 EST
    ]);
  });

  it("runs an hourly job 23 times on the short day and 25 on the long one", () => {
    const runsOn = (dayStartUtc: string, dayEndUtc: string) =>
      nextOccurrences(newYork("0 * * * *"), new Date(new Date(dayStartUtc).getTime() - 1), 30).filter((d) => d < new Date(dayEndUtc));
    // Local midnight to midnight.
    expect(runsOn("2026-03-08T05:00:00Z", "2026-03-09T04:00:00Z")).toHaveLength(23);
    const long = runsOn("2026-11-01T04:00:00Z", "2026-11-02T05:00:00Z");
    expect(long).toHaveLength(25);
    // 01:00 EDT then 01:00 EST: an hour apart, both run.
    expect(iso(long.slice(1, 3))).toEqual(["2026-11-01T05:00:00.000Z", "2026-11-01T06:00:00.000Z"]);
  });
});

describe("occurrences", () => {
  it("counts an interval from the epoch, or from the start date", () => {
    const every15 = { cron: null, intervalSeconds: 900, timeZone: "UTC", startAt: null, endAt: null };
    expect(iso(nextOccurrences(every15, new Date("2026-01-01T00:07:00Z"), 2))).toEqual(["2026-01-01T00:15:00.000Z", "2026-01-01T00:30:00.000Z"]);
    const fromStart = { ...every15, startAt: new Date("2026-01-01T00:01:00Z") };
    expect(iso(nextOccurrences(fromStart, new Date("2025-12-01T00:00:00Z"), 2))).toEqual(["2026-01-01T00:01:00.000Z", "2026-01-01T00:16:00.000Z"]);
  });

  it("reads seconds when the expression has six fields, and stops at the end date", () => {
    const timing = { cron: "*/20 * * * * *", intervalSeconds: null, timeZone: "UTC", startAt: null, endAt: new Date("2026-01-01T00:01:00Z") };
    expect(iso(nextOccurrences(timing, new Date("2026-01-01T00:00:30Z"), 5))).toEqual(["2026-01-01T00:00:40.000Z", "2026-01-01T00:01:00.000Z"]);
  });

  it("starts no occurrence before the start date, even one it falls on", () => {
    const timing = { cron: "0 * * * *", intervalSeconds: null, timeZone: "UTC", startAt: new Date("2026-01-01T10:00:00Z"), endAt: null };
    expect(iso(nextOccurrences(timing, new Date("2026-01-01T00:00:00Z"), 1))).toEqual(["2026-01-01T10:00:00.000Z"]);
  });
});

describe("jitter and ids", () => {
  it("delays each occurrence by a fixed amount below the jitter", () => {
    const at = new Date("2026-01-01T00:00:00Z");
    const delays = Array.from({ length: 50 }, (_, i) => jitterMs("s1", new Date(at.getTime() + i * 1000), 30));
    expect(delays.every((ms) => ms >= 0 && ms < 30_000)).toBe(true);
    expect(new Set(delays).size).toBeGreaterThan(40);
    expect(jitterMs("s1", at, 30)).toBe(jitterMs("s1", at, 30));
    expect(jitterMs("s1", at, 0)).toBe(0);
  });

  it("names the instance after the schedule and the occurrence", () => {
    expect(occurrenceInstanceId("nightly", new Date("2026-03-08T07:00:00Z"))).toBe("nightly:2026-03-08T07:00:00.000Z");
  });
});
