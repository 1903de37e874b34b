/**
 * The leases of the activity tasks a worker holds: short, and renewed together every few seconds
 * while the worker lives, so that the tasks of a worker that died run again elsewhere within
 * seconds rather than once their timeout has passed. The renewal also saves the heartbeat details
 * the running attempts gave since the last one: one statement per renewal, however many tasks.
 */
import type pg from "pg";
import type { Json } from "@flowcraft/engine";
import { renewTaskLeases } from "./activity-sql.ts";
import type { Heartbeats } from "./activity-heartbeat.ts";

/** How long a task stays leased without a renewal, and the time past a run's timeout to report its result. */
export interface TaskLease {
  seconds: number;
  graceSeconds: number;
}

/**
 * Ten seconds: a dead worker's tasks run again that soon, while three renewals fit in a lease,
 * so a renewal late by a busy database or a long pause of the event loop does not lose it.
 */
export const TASK_LEASE: TaskLease = { seconds: 10, graceSeconds: 5 };
/** How often the leases are renewed: a third of a lease. */
const RENEWAL_INTERVAL_MS = (TASK_LEASE.seconds * 1000) / 3;

export class TaskLeases {
  /** The tasks leased to this worker, each with its attempt's heartbeats. */
  private readonly held = new Map<number, Heartbeats>();
  private timer: NodeJS.Timeout | undefined;
  private renewing = false;

  constructor(
    private readonly pool: pg.Pool,
    private readonly owner: string,
    private readonly onError: (error: unknown) => void,
  ) {}

  /**
   * Renews the task's lease from now on, until it is dropped or a renewal finds it no longer
   * leased to this worker: its lease ran out and another worker took it, or its instance ended.
   */
  hold(id: number, heartbeats: Heartbeats) {
    this.held.set(id, heartbeats);
    if (this.timer) return;
    this.timer = setInterval(() => void this.renew(), RENEWAL_INTERVAL_MS);
    // A process that has nothing else to do may end: its leases then run out, as a crash's would.
    this.timer.unref();
  }

  /** Stops renewing the leases of these tasks: their results were reported, or they were handed back. */
  drop(ids: Iterable<number>) {
    for (const id of ids) this.held.delete(id);
  }

  /** Renews nothing more: what the worker still holds runs again elsewhere once its lease runs out. */
  stop() {
    clearInterval(this.timer);
    this.timer = undefined;
    this.held.clear();
  }

  private async renew() {
    if (this.held.size === 0) {
      clearInterval(this.timer);
      this.timer = undefined;
      return;
    }
    // A renewal slower than the interval is not joined by another: one would only queue behind it.
    if (this.renewing) return;
    this.renewing = true;
    const batch = [...this.held];
    const details = new Map<number, Json>();
    const saving: Array<[number, Heartbeats, number]> = [];
    for (const [id, heartbeats] of batch) {
      const unsaved = heartbeats.unsaved();
      if (!unsaved) continue;
      details.set(id, unsaved.details);
      saving.push([id, heartbeats, unsaved.mark]);
    }
    try {
      const { leased, renewed } = await renewTaskLeases(this.pool, this.owner, batch.map(([id]) => id), details, TASK_LEASE);
      // Details of a task passed over wait for the next renewal.
      for (const [id, heartbeats, mark] of saving) if (renewed.has(id)) heartbeats.saved(mark);
      for (const [id, heartbeats] of batch) {
        if (!leased.has(id) && this.held.get(id) === heartbeats) this.held.delete(id);
      }
    } catch (error) {
      this.onError(error);
    } finally {
      this.renewing = false;
    }
  }
}
