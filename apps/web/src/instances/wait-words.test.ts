import { describe, expect, it } from "vitest";
import { clockTime } from "../instance-view/time-words.ts";
import { waitWords } from "./wait-words.ts";

const now = new Date(2026, 10, 25, 14, 30);
const at = (hours: number, minutes: number) => new Date(2026, 10, 25, hours, minutes).toISOString();

describe("wait words", () => {
  it("says which event a wait is for and since when, and when it times out", () => {
    const wait = { kind: "event" as const, node: "approval", event: "approval_received", since: at(14, 2), until: null, approval: true };
    expect(waitWords(wait, now)).toBe(`waiting for approval_received since ${clockTime(at(14, 2), now)}`);
    expect(waitWords({ ...wait, until: at(15, 0) }, now)).toBe(`waiting for approval_received since ${clockTime(at(14, 2), now)}, times out ${clockTime(at(15, 0), now)}`);
  });

  it("says which timer runs, since when and when it fires", () => {
    const timer = { kind: "timer" as const, node: "cool_off", event: null, since: at(14, 0), until: at(15, 0), approval: false };
    expect(waitWords(timer, now)).toBe(`timer cool_off since ${clockTime(at(14, 0), now)}, fires ${clockTime(at(15, 0), now)}`);
  });
});
