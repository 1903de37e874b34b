/**
 * Results of activities that this worker ran for instances that this worker decides, handed from
 * its activity runner to its decision loops in memory: no inbox row is written or read for them.
 * They are not durable, and need not be: the task row stays leased (the runner renews it) until
 * the turn that takes its result deletes it, so a crash before that turn commits leaves the task
 * to run again once its lease runs out, exactly like a crash before the result was reported.
 */
import type { TaskResult } from "./activity-sql.ts";

export interface FinishedTask extends TaskResult {
  instanceId: string;
}

export class LocalResults {
  private readonly waiting = new Map<string, FinishedTask[]>();
  /** Instances in a turn of this worker now: their results wait for the next one. */
  private readonly deciding = new Set<string>();
  private open = false;

  constructor(
    /** Whether this worker can decide the instance without a lease (it knows its state). */
    private readonly knows: (instanceId: string) => boolean,
    /** Called when results arrive, to wake a decision loop. */
    private readonly arrived: () => void,
  ) {}

  /** Takes the result if this worker decides its instance; false: report it through the inbox. */
  offer(result: FinishedTask): boolean {
    if (!this.open || !this.knows(result.instanceId)) return false;
    const list = this.waiting.get(result.instanceId);
    if (list) list.push(result);
    else this.waiting.set(result.instanceId, [result]);
    this.arrived();
    return true;
  }

  /** Whether a turn could take results now. */
  get ready(): boolean {
    for (const id of this.waiting.keys()) if (!this.deciding.has(id)) return true;
    return false;
  }

  /**
   * Takes the results of the `leased` instances, and of up to `limit` other instances that no
   * turn decides now, marking all of them as decided until `done`. Results of instances this
   * worker no longer knows come back as `orphaned`, for the inbox.
   */
  take(leased: ReadonlySet<string>, limit: number): { taken: Map<string, FinishedTask[]>; orphaned: FinishedTask[] } {
    const taken = new Map<string, FinishedTask[]>();
    const orphaned: FinishedTask[] = [];
    let unleased = 0;
    for (const [id, results] of this.waiting) {
      const isLeased = leased.has(id);
      if (!isLeased && (this.deciding.has(id) || unleased >= limit)) continue;
      this.waiting.delete(id);
      if (!isLeased && !this.knows(id)) {
        orphaned.push(...results);
        continue;
      }
      if (!isLeased) unleased++;
      taken.set(id, results);
    }
    for (const id of [...leased, ...taken.keys()]) this.deciding.add(id);
    return { taken, orphaned };
  }

  /** The turns of these instances are over; results that came meanwhile are ready for the next. */
  done(ids: Iterable<string>) {
    let more = false;
    for (const id of ids) {
      this.deciding.delete(id);
      more ||= this.waiting.has(id);
    }
    if (more) this.arrived();
  }

  start() {
    this.open = true;
  }

  /** Takes no more results and returns those still waiting, for the inbox. */
  stop(): FinishedTask[] {
    this.open = false;
    const rest = [...this.waiting.values()].flat();
    this.waiting.clear();
    return rest;
  }
}
