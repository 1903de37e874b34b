import { describe, expect, it } from "vitest";
import { jobActionWords } from "./bulk-words.ts";

describe("jobActionWords", () => {
  it("names a re-run's mode, and the version a re-run on a version takes", () => {
    expect(jobActionWords("rerun", { mode: "from_start" })).toBe("Re-run from the start");
    expect(jobActionWords("rerun", { mode: "retry_failed" })).toBe("Retry from the failed step");
    expect(jobActionWords("rerun", { mode: "on_version", version: 3 })).toBe("Re-run on version 3");
  });

  it("names the other actions, and an event's name", () => {
    expect(jobActionWords("terminate", {})).toBe("Terminate");
    expect(jobActionWords("raise_event", { eventName: "approved" })).toBe("Raise event approved");
    expect(jobActionWords("something_new", {})).toBe("something_new");
  });
});
