/**
 * Workers of this process and whether their loops still go round. Workers keep no row in the
 * database; each process reports its own, and Prometheus's `up` says whether the process answers.
 * A loop goes round at least once a second when idle (IDLE_POLL_MS), so an age that keeps growing
 * means a loop is stuck, or busy with one round far longer than rounds take.
 */
import { Gauge, type Registry } from "prom-client";

export type WorkerLoop = "decision" | "activity" | "schedule";

const LOOPS: WorkerLoop[] = ["decision", "activity", "schedule"];

/** When each running worker's loops last went round. */
export class WorkerLiveness {
  private readonly workers = new Map<string, Map<WorkerLoop, number>>();

  /** A worker (by its id) started: it counts from now. */
  started(worker: string) {
    this.workers.set(worker, new Map());
  }

  stopped(worker: string) {
    this.workers.delete(worker);
  }

  /** A loop of `worker` goes round: a map write, cheap enough for every round. */
  beat(worker: string, loop: WorkerLoop) {
    this.workers.get(worker)?.set(loop, Date.now());
  }

  get count(): number {
    return this.workers.size;
  }

  /** Seconds since the loop of this kind that went round longest ago, over all workers running it. */
  stalest(loop: WorkerLoop, now = Date.now()): number | undefined {
    let oldest: number | undefined;
    for (const beats of this.workers.values()) {
      const at = beats.get(loop);
      if (at !== undefined && (oldest === undefined || at < oldest)) oldest = at;
    }
    return oldest === undefined ? undefined : (now - oldest) / 1000;
  }
}

export function registerWorkerGauges(registry: Registry, liveness: WorkerLiveness) {
  new Gauge({
    name: "flowcraft_workers",
    help: "Workers running in this process.",
    registers: [registry],
    collect() {
      this.set(liveness.count);
    },
  });
  new Gauge({
    name: "flowcraft_worker_loop_age_seconds",
    help: "Seconds since the stalest loop of each kind of this process's workers last went round (about 1 s or less when healthy).",
    labelNames: ["loop"],
    registers: [registry],
    collect() {
      this.reset();
      for (const loop of LOOPS) {
        const age = liveness.stalest(loop);
        if (age !== undefined) this.set({ loop }, age);
      }
    },
  });
}
