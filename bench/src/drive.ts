/**
 * Drives a load of workflow instances the same way for every system measured: starts them a few
 * at a time, keeps a bounded number in flight, and polls until the load is done. Our runtime and
 * the peers differ only in how one instance is started and how completions are counted.
 */

/**
 * A fixed number of instances (`window` at a time, or all at once), timed from the first start
 * to the last completion; or a steady load, `inFlight` at a time for `warmupSeconds` and then
 * `seconds` more, whose figures are taken over those last `seconds` only.
 */
export type Load = { count: number; window: number | null } | { inFlight: number; warmupSeconds: number; seconds: number };

/** The wall-clock span a steady load is measured over, as history and status rows stamp times. */
export interface MeasuredWindow {
  from: Date;
  to: Date;
}

export interface Progress {
  /** Instances of this load that completed. */
  completed: number;
  /** Grows whenever anything is recorded: one long-lived instance completes only at the very end. */
  activity: number;
}

export interface DriveOptions {
  /** Names the load in errors. */
  name: string;
  load: Load;
  /** Starts the index-th instance, resolving once it is stored (not once it completes). */
  start: (index: number) => Promise<unknown>;
  /** Counts completions; throws when an instance failed. */
  progress: () => Promise<Progress>;
  signal: AbortSignal;
  /** Called on every poll, e.g. to sample the pool. */
  onPoll?: () => void;
}

export interface Driven {
  /** Instances started. */
  started: number;
  /** From the first start to the last completion. */
  seconds: number;
  /** From the first start to the last start's return: how much of the run starting took. */
  startSeconds: number;
  /** Steady loads only: where the figures are taken. */
  window: MeasuredWindow | null;
}

/**
 * Starts in progress at once, like the concurrent requests of a server's callers. Our runtime
 * stores concurrent starts together, in at most four statements at once, so however many callers
 * wait, starting never takes more of the pool's connections than that from the workers.
 */
const START_CONCURRENCY = Number(process.env.START_CONCURRENCY ?? 32);
/**
 * Between completion counts of a run of N: 10 ms blurs its end time by under 1% of a run, and the
 * poll costs the database little next to the work it measures.
 */
const POLL_MS = 10;
/**
 * Between completion counts of a steady load, whose figures are read from history rather than
 * timed by the poll: the poll only tops up the instances in flight, and 50 ms lets a few percent
 * of them finish before it does. Every 10 ms, reading the status of 500 unfinished instances took
 * a sixth of the database's CPU away from the runtime it measures (whose peers' completions are
 * awaited in process, at no cost to their database).
 */
const STEADY_POLL_MS = 50;
/** A run whose instances record nothing new for this long is stuck, not slow. */
const STALL_MS = 60_000;

export async function drive({ name, load, start, progress, signal, onPoll }: DriveOptions): Promise<Driven> {
  const starter = new Starter(start, START_CONCURRENCY);
  const began = performance.now();
  const steady = "inFlight" in load ? load : null;
  const window = steady && measuredWindow(Date.now(), steady.warmupSeconds, steady.seconds);
  // Steady loads keep starting until the window closes, then let the instances in flight finish.
  const startUntil = steady ? (steady.warmupSeconds + steady.seconds) * 1000 : Infinity;
  const wanted = (completed: number) =>
    "count" in load ? Math.min(load.count, completed + (load.window ?? load.count)) : completed + load.inFlight;
  try {
    starter.raiseTo(wanted(0));
    let lastActivity = -1;
    let lastProgress = began;
    for (;;) {
      signal.throwIfAborted();
      if (starter.error !== undefined) throw starter.error;
      const { completed, activity } = await progress();
      onPoll?.();
      const starting = performance.now() - began < startUntil;
      if (!starting) starter.stop();
      if ("count" in load ? completed >= load.count : !starting && starter.idle && completed >= starter.issued) break;
      if (activity !== lastActivity) {
        lastActivity = activity;
        lastProgress = performance.now();
      } else if (performance.now() - lastProgress > STALL_MS) {
        throw new Error(`${name}: no instance recorded anything for ${STALL_MS / 1000} s (${completed} of ${starter.issued} done)`);
      }
      if (starting) starter.raiseTo(wanted(completed));
      await new Promise((resolve) => setTimeout(resolve, steady ? STEADY_POLL_MS : POLL_MS));
    }
  } finally {
    // Nothing may still be starting when the caller goes on (or drops the database).
    starter.stop();
    await starter.settled();
  }
  return {
    started: starter.issued,
    seconds: (performance.now() - began) / 1000,
    startSeconds: (starter.lastStartedAt - began) / 1000,
    window,
  };
}

function measuredWindow(startedAtMs: number, warmupSeconds: number, seconds: number): MeasuredWindow {
  const from = startedAtMs + warmupSeconds * 1000;
  return { from: new Date(from), to: new Date(from + seconds * 1000) };
}

/** Starts instances 0, 1, 2... up to a target that only grows until stopped, at most `limit` at a time. */
class Starter {
  private next = 0;
  private target = 0;
  private stopped = false;
  private readonly running = new Set<Promise<void>>();
  error: unknown = undefined;
  /** When the latest start returned (performance.now()). */
  lastStartedAt = 0;

  constructor(
    private readonly start: (index: number) => Promise<unknown>,
    private readonly limit: number,
  ) {}

  /** Instances whose start was called. */
  get issued() {
    return this.next;
  }

  /** No start is in progress. */
  get idle() {
    return this.running.size === 0;
  }

  raiseTo(target: number) {
    if (this.stopped) return;
    this.target = Math.max(this.target, target);
    this.pump();
  }

  /** Starts nothing more: those in progress still finish. */
  stop() {
    this.stopped = true;
    this.target = this.next;
  }

  async settled() {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  private pump() {
    while (this.error === undefined && this.running.size < this.limit && this.next < this.target) {
      const started: Promise<void> = this.start(this.next++).then(
        () => {
          this.lastStartedAt = performance.now();
          this.running.delete(started);
          this.pump();
        },
        (error: unknown) => {
          this.running.delete(started);
          this.error ??= error;
        },
      );
      this.running.add(started);
    }
  }
}
