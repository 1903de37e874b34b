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
import { fork, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { evaluate as evaluateHere, EXPRESSION_TIME_BUDGET_MS, ExpressionError, ExpressionLimitError, isPlainLookup, type Evaluator, type Json } from "@flowcraft/engine";
import type { SandboxReply, SandboxRequest } from "./sandbox-messages.ts";

/** Heap of one sandbox process: room for the budgets' largest values many times over. */
export const SANDBOX_MEMORY_LIMIT_MB = 256;
/**
 * How long one evaluation may hold its sandbox process before the process is killed: the
 * engine's own time budget, which stops evaluations that reach a step in time, plus a margin.
 */
export const SANDBOX_TIME_LIMIT_MS = EXPRESSION_TIME_BUDGET_MS + 500;
/** Processes per sandbox: two decision loops share it, and a third gained nothing on two cores. */
const SANDBOX_PROCESSES = 2;
/** Characters of a crashed process's last words kept to say why it died. */
const STDERR_TAIL_CHARS = 4_000;
/** After a process failed to start, how long evaluations are refused before another is tried. */
const START_RETRY_MS = 5_000;
/** Longest start of a sandbox process (loading the engine through tsx takes about half a second). */
const START_LIMIT_MS = 30_000;

/** Thrown when the sandbox cannot evaluate at all (its process would not start): not the expression's fault. */
export class SandboxUnavailableError extends Error {
  override name = "SandboxUnavailable";
}

interface Job {
  expression: string;
  context: Record<string, unknown>;
  resolve: (value: Json) => void;
  reject: (error: Error) => void;
}

export interface SandboxOptions {
  processes?: number;
  memoryLimitMb?: number;
  timeLimitMs?: number;
}

export class ExpressionSandbox {
  private readonly processes = new Set<SandboxProcess>();
  private readonly idle: SandboxProcess[] = [];
  private readonly queue: Job[] = [];
  private closed = false;
  /** Why the last process failed to start, and until when no other is tried. */
  private startFailure?: { error: SandboxUnavailableError; until: number };
  private readonly limits: Required<SandboxOptions>;

  constructor(options: SandboxOptions = {}) {
    this.limits = {
      processes: options.processes ?? SANDBOX_PROCESSES,
      memoryLimitMb: options.memoryLimitMb ?? SANDBOX_MEMORY_LIMIT_MB,
      timeLimitMs: options.timeLimitMs ?? SANDBOX_TIME_LIMIT_MS,
    };
  }

  /** The evaluator to give the engine. */
  readonly evaluate: Evaluator = (expression, context) => {
    if (isPlainLookup(expression)) return evaluateHere(expression, context);
    return new Promise<Json>((resolve, reject) => {
      if (this.closed) return reject(new SandboxUnavailableError("the expression sandbox is closed"));
      if (this.startFailure && Date.now() < this.startFailure.until) return reject(this.startFailure.error);
      this.queue.push({ expression, context, resolve, reject });
      this.dispatch();
    });
  };

  /** Kills the sandbox processes; evaluations still queued are refused. */
  close() {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new SandboxUnavailableError("the expression sandbox is closed"));
    for (const process of this.processes) process.kill();
  }

  private dispatch() {
    while (this.queue.length > 0) {
      let process = this.idle.pop();
      if (!process && this.processes.size < this.limits.processes) process = this.spawn();
      if (!process) return;
      process.run(this.queue.shift()!);
    }
  }

  private spawn(): SandboxProcess {
    const process = new SandboxProcess(this.limits, {
      idle: () => {
        this.idle.push(process);
        this.dispatch();
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

interface ProcessEvents {
  /** Ready for a job. */
  idle(): void;
  /** Exited or killed; `startFailure` when it exited before it was ready. */
  gone(startFailure?: SandboxUnavailableError): void;
}

/** One sandbox process and the job it runs. */
class SandboxProcess {
  private readonly child: ChildProcess;
  private ready = false;
  private waiting?: Job;
  /** Kills a process that does not get ready; like the deadline of a job, it keeps this process alive meanwhile. */
  private readonly starting: NodeJS.Timeout;
  private running?: { id: number; job: Job; deadline: NodeJS.Timeout };
  private nextId = 0;
  private stderrTail = "";
  /** Set when this side killed the process, so its exit is not taken for a crash. */
  private killed = false;

  constructor(
    private readonly limits: Required<SandboxOptions>,
    private readonly events: ProcessEvents,
  ) {
    this.child = fork(SANDBOX_ENTRY, [], {
      execArgv: ["--import", TS_LOADER, `--max-old-space-size=${limits.memoryLimitMb}`],
      serialization: "json",
      stdio: ["ignore", "ignore", "pipe", "ipc"],
    });
    this.child.stderr!.setEncoding("utf8").on("data", (text: string) => {
      this.stderrTail = (this.stderrTail + text).slice(-STDERR_TAIL_CHARS);
    });
    this.child.on("message", (reply: SandboxReply) => this.onReply(reply));
    this.child.on("exit", (code, signal) => this.onExit(code, signal));
    this.child.on("error", () => {});
    // Never what keeps this process alive: the timers of a start or a job do that while they last.
    this.child.unref();
    (this.child.channel as unknown as { unref(): void } | undefined)?.unref();
    // Not kill(): a process that never got ready failed to start.
    this.starting = setTimeout(() => this.child.kill("SIGKILL"), START_LIMIT_MS);
  }

  run(job: Job) {
    if (!this.ready) {
      this.waiting = job;
      return;
    }
    const id = ++this.nextId;
    const deadline = setTimeout(() => this.overran(), this.limits.timeLimitMs);
    this.running = { id, job, deadline };
    const request: SandboxRequest = { id, expression: job.expression, context: job.context };
    this.child.send(request);
  }

  kill() {
    this.killed = true;
    this.child.kill("SIGKILL");
  }

  private onReply(reply: SandboxReply) {
    if ("ready" in reply) {
      clearTimeout(this.starting);
      this.ready = true;
      const waiting = this.waiting;
      this.waiting = undefined;
      if (waiting) this.run(waiting);
      else this.events.idle();
      return;
    }
    const running = this.running;
    if (!running || running.id !== reply.id) return;
    clearTimeout(running.deadline);
    this.running = undefined;
    if ("value" in reply) running.job.resolve(reply.value);
    else running.job.reject(reply.error.limit ? new ExpressionLimitError(reply.error.message) : new ExpressionError(reply.error.message));
    this.events.idle();
  }

  private overran() {
    const running = this.running;
    if (!running) return;
    this.running = undefined;
    this.kill();
    running.job.reject(new ExpressionLimitError(`${running.job.expression}: exceeded the time limit of ${this.limits.timeLimitMs} ms, and its sandbox process was stopped`));
  }

  private onExit(code: number | null, signal: NodeJS.Signals | null) {
    clearTimeout(this.starting);
    const running = this.running;
    this.running = undefined;
    if (running) {
      clearTimeout(running.deadline);
      running.job.reject(new ExpressionLimitError(`${running.job.expression}: ${this.crashWords(code, signal)}`));
    }
    if (!this.ready && !this.killed) {
      const failure = new SandboxUnavailableError(`the expression sandbox process did not start (${signal ?? `exit code ${code}`}): ${this.stderrTail.trim().slice(-500)}`);
      this.waiting?.reject(failure);
      this.events.gone(failure);
      return;
    }
    if (this.waiting) this.waiting.reject(new SandboxUnavailableError("the expression sandbox process stopped before it was ready"));
    this.events.gone();
  }

  private crashWords(code: number | null, signal: NodeJS.Signals | null): string {
    if (/heap out of memory|invalid size error|invalid array length|allocation failed/i.test(this.stderrTail)) {
      return `exceeded the memory limit of ${this.limits.memoryLimitMb} MB, and its sandbox process was stopped`;
    }
    return `its sandbox process crashed (${signal ?? `exit code ${code}`})`;
  }
}

const require = createRequire(import.meta.url);
/** The sandbox runs this package's TypeScript as the server does, through tsx's loader. */
const TS_LOADER = pathToFileURL(require.resolve("tsx")).href;
const SANDBOX_ENTRY = fileURLToPath(new URL("./sandbox-process.ts", import.meta.url));
