/**
 * What the heartbeat() calls of one run of an activity leave behind: when the last one came, for
 * the step's heartbeat timeout, and the details to resume from, for the lease renewal to save and
 * the next run to start with. A call only touches memory: the details reach the database with the
 * worker's next renewal, however often the activity calls.
 */
import { inJsonbKeyOrder, type Json } from "@flowcraft/engine";
import { ActivityError } from "./sdk.ts";
import { jsonForHistory } from "./stored-json.ts";

export class Heartbeats {
  /** When heartbeat() was last called (ms since the epoch), if it was in this run. */
  lastBeatAt: number | undefined;
  private current: Json | undefined;
  /** Details given so far, and how many of them the database has: tells what the next renewal saves. */
  private given = 0;
  private savedUpTo = 0;

  /** `previous`: what the last run of this activity gave heartbeat(), if anything. */
  constructor(previous: Json | undefined) {
    this.current = previous;
  }

  /** The details to resume from: the previous run's until this run gives its own. */
  get details(): Json | undefined {
    return this.current;
  }

  /** Records a heartbeat; refuses, with an ActivityError, details that could not be stored. */
  beat(details?: Json) {
    if (details !== undefined) {
      const text = jsonForHistory("the value given to heartbeat()", details, (message) => new ActivityError(message, "InvalidHeartbeatDetails"));
      // A copy, as storage will give it to the next run: later changes to `details` are not saved.
      const stored = inJsonbKeyOrder(JSON.parse(text) as Json);
      // null holds nothing to resume from: it drops the details given before.
      this.current = stored === null ? undefined : stored;
      this.given++;
    }
    this.lastBeatAt = Date.now();
  }

  /** Details not saved yet (null: drop those saved), with the mark that `saved` takes once they are. */
  unsaved(): { details: Json; mark: number } | undefined {
    return this.given > this.savedUpTo ? { details: this.current ?? null, mark: this.given } : undefined;
  }

  saved(mark: number) {
    this.savedUpTo = Math.max(this.savedUpTo, mark);
  }
}
