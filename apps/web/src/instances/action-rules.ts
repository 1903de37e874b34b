/**
 * Which actions an instance's state allows, and why not when it does not. The server checks the
 * same rules; saying them up front spares people a button that can only fail.
 */
import { ENDED_STATUSES, type RuntimeStatus } from "./instance-types.ts";

export type InstanceAction = "terminate" | "suspend" | "resume" | "purge" | "raiseEvent" | "retryFailed" | "rerun" | "rerunVersion";

/** Allowed, or the reason it is not, worded for the person looking at the button. */
export type Availability = { allowed: true } | { allowed: false; reason: string };

const ALLOWED: Availability = { allowed: true };
const refuse = (reason: string): Availability => ({ allowed: false, reason });

export function availabilityOf(action: InstanceAction, status: RuntimeStatus): Availability {
  const ended = ENDED_STATUSES.has(status);
  const state = status.toLowerCase();
  switch (action) {
    case "terminate":
      return ended ? refuse(`Only an instance that has not ended can be terminated; this one is ${state}`) : ALLOWED;
    case "suspend":
      return status === "RUNNING" || status === "PENDING" ? ALLOWED : refuse(`Only a running or pending instance can be suspended; this one is ${state}`);
    case "resume":
      return status === "SUSPENDED" ? ALLOWED : refuse(`Only a suspended instance can be resumed; this one is ${state}`);
    case "purge":
      return ended ? ALLOWED : refuse(`Only an ended instance can be purged; this one is ${state} (terminate it first)`);
    case "raiseEvent":
      return ended ? refuse(`An instance that has ended takes no more events; this one is ${state}`) : ALLOWED;
    case "retryFailed":
      return status === "FAILED" ? ALLOWED : refuse(`Only a failed instance can be retried from its failed step; this one is ${state}`);
    case "rerun":
    case "rerunVersion":
      return ended ? ALLOWED : refuse(`Only an ended instance can be rerun; this one is ${state} (terminate it first)`);
  }
}
