/**
 * Where the runtime evaluates workflow expressions: plain lookups in this process, everything
 * else in sandbox processes bounded from outside, with a heap limit and a deadline after which the
 * process is killed. The engine's counted budgets catch the usual runaways the same way on every
 * replay; the sandbox holds whatever they miss (a built-in that sorts a million items, a value
 * that fills the heap in one call) away from the worker, its HTTP server and its other instances.
 *
 * Processes, not worker threads: a heap overrun inside a worker thread with `resourceLimits`
 * can still abort the whole process (V8 reports some allocation failures as fatal to the process,
 * as `$length($pad('x', 400000000))` did), and only a process boundary contains that.
 */
import { evaluatorWith, EXPRESSION_TIME_BUDGET_MS, type Evaluator, type Json } from "@flowcraft/engine";
import { SandboxProcess, SandboxUnavailableError, type SandboxJob, type SandboxLimits } from "./sandbox-process.ts";

export { SandboxUnavailableError };

/** Heap of one sandbox process: room for the budgets' largest values many times over. */
export const SANDBOX_MEMORY_LIMIT_MB = 256;
/**
 * How long one evaluation may hold its sandbox process before the process is killed: the
 * engine's own time budget, which stops evaluations that reach a step in time, plus a margin.
 */
export const SANDBOX_TIME_LIMIT_MS = EXPRESSION_TIME_BUDGET_MS + 500;
/** Processes per sandbox: two decision loops share it, and a third gained nothing on two cores. */
const SANDBOX_PROCESSES = 2;
/** After a process failed to start, how long evaluations are refused before another is tried. */
const START_RETRY_MS = 5_000;

export interface SandboxOptions extends Partial<SandboxLimits> {
  processes?: number;
}

export class ExpressionSandbox {
  private readonly processes = new Set<SandboxProcess>();
  private readonly idle: SandboxProcess[] = [];
  private readonly queue: SandboxJob[] = [];
  private closed = false;
  /** Why the last process failed to start, and until when no other is tried. */
  private startFailure?: { error: SandboxUnavailableError; until: number };
  private readonly limits: SandboxLimits;
  private readonly size: number;

  constructor(options: SandboxOptions = {}) {
    this.size = options.processes ?? SANDBOX_PROCESSES;
    this.limits = {
      memoryLimitMb: options.memoryLimitMb ?? SANDBOX_MEMORY_LIMIT_MB,
      timeLimitMs: options.timeLimitMs ?? SANDBOX_TIME_LIMIT_MS,
      execPath: options.execPath ?? process.execPath,
    };
  }

  /** The evaluator to give the engine: plain lookups in this process, the rest in the sandbox. */
  readonly evaluate: Evaluator = evaluatorWith(
    (expression, context) =>
      new Promise<Json>((resolve, reject) => {
        if (this.closed) return reject(new SandboxUnavailableError("the expression sandbox is closed"));
        if (this.startFailure && Date.now() < this.startFailure.until) return reject(this.startFailure.error);
        this.queue.push({ expression, context, resolve, reject, retried: false });
        this.dispatch();
      }),
  );

  /** Takes evaluations again after `close` (a worker started anew). */
  open() {
    this.closed = false;
  }

  /** Kills the sandbox processes; evaluations queued or running are refused, not blamed on their expressions. */
  close() {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new SandboxUnavailableError("the expression sandbox is closed"));
    for (const process of this.processes) process.close();
  }

  /** Pids of the running sandbox processes, for diagnostics and tests. */
  processIds(): number[] {
    return [...this.processes].flatMap((process) => (process.pid === undefined ? [] : [process.pid]));
  }

  private dispatch() {
    while (this.queue.length > 0 && !this.closed) {
      let process = this.idle.pop();
      if (!process && this.processes.size < this.size) process = this.spawn();
      if (!process) return;
      process.run(this.queue.shift()!);
    }
  }

  private spawn(): SandboxProcess {
    const process: SandboxProcess = new SandboxProcess(this.limits, {
      idle: () => {
        this.idle.push(process);
        this.dispatch();
      },
      retry: (job) => {
        if (this.closed) job.reject(new SandboxUnavailableError("the expression sandbox is closed"));
        else this.queue.unshift(job);
      },
      gone: (startFailure) => {
        this.processes.delete(process);
        const at = this.idle.indexOf(process);
        if (at >= 0) this.idle.splice(at, 1);
        // A process that never came up would fail every job the same way: refuse them for a while rather than spawn in a loop.
        if (startFailure) {
          this.startFailure = { error: startFailure, until: Date.now() + START_RETRY_MS };
          for (const job of this.queue.splice(0)) job.reject(startFailure);
        } else this.dispatch();
      },
    });
    this.processes.add(process);
    return process;
  }
}
