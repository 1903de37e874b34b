import { describe, expect, it } from "vitest";
import { availabilityOf, type InstanceAction } from "./action-rules.ts";
import { RUNTIME_STATUSES, type RuntimeStatus } from "./instance-types.ts";

const allowedIn = (action: InstanceAction) => RUNTIME_STATUSES.filter((status: RuntimeStatus) => availabilityOf(action, status).allowed);

describe("instance actions by state", () => {
  it("allows each action in the states the server accepts it in", () => {
    expect(allowedIn("terminate")).toEqual(["PENDING", "RUNNING", "SUSPENDED"]);
    expect(allowedIn("suspend")).toEqual(["PENDING", "RUNNING"]);
    expect(allowedIn("resume")).toEqual(["SUSPENDED"]);
    expect(allowedIn("raiseEvent")).toEqual(["PENDING", "RUNNING", "SUSPENDED"]);
    expect(allowedIn("purge")).toEqual(["COMPLETED", "FAILED", "TERMINATED"]);
    expect(allowedIn("retryFailed")).toEqual(["FAILED"]);
    expect(allowedIn("rerun")).toEqual(["COMPLETED", "FAILED", "TERMINATED"]);
    expect(allowedIn("rerunVersion")).toEqual(["COMPLETED", "FAILED", "TERMINATED"]);
  });

  it("says why an action is unavailable, naming the state", () => {
    expect(availabilityOf("retryFailed", "COMPLETED")).toEqual({
      allowed: false,
      reason: "Only a failed instance can be retried from its failed step; this one is completed",
    });
    expect(availabilityOf("purge", "RUNNING")).toMatchObject({ reason: expect.stringContaining("terminate it first") });
  });
});
