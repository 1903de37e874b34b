import { describe, expect, it } from "vitest";
import { timingWords } from "./schedule-words.tsx";

describe("timingWords", () => {
  it.each([
    [{ cron: "0 9 * * 1-5", intervalSeconds: null }, "cron 0 9 * * 1-5"],
    [{ cron: null, intervalSeconds: 1 }, "every second"],
    [{ cron: null, intervalSeconds: 2 }, "every 2 seconds"],
    [{ cron: null, intervalSeconds: 900 }, "every 15 minutes"],
    [{ cron: null, intervalSeconds: 90 }, "every 90 seconds"],
    [{ cron: null, intervalSeconds: 7_200 }, "every 2 hours"],
    [{ cron: null, intervalSeconds: 86_400 }, "every day"],
  ])("%j reads %s", (schedule, words) => {
    expect(timingWords(schedule)).toBe(words);
  });
});
