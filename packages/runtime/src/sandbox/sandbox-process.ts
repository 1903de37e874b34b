/**
 * One sandbox process, seen from the worker: it starts the child, hands it one evaluation at a
 * time, kills it past the deadline, and tells an expression's fault (over time, out of memory)
 * from the machine's (a process that would not start, was closed, or died for no reason the
 * expression gave), which must never fail an instance.
 */
import { fork, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { ExpressionLimitError, valueOf, type EvaluationRequest, type Json } from "@flowcraft/engine";
import type { SandboxReply } from "./sandbox-messages.ts";

/** Thrown when the sandbox cannot evaluate at all (its process would not start, or it was closed): not the expression's fault. */
export class SandboxUnavailableError extends Error {
  override name = "SandboxUnavailable";
}

export interface SandboxLimits {
  memoryLimitMb: number;
  timeLimitMs: number;
  /** The Node.js binary that runs the sandbox: the running one unless given. */
  execPath: string;
}

export interface SandboxJob {
  expression: string;
  context: Record<string, unknown>;
  resolve(value: Json): void;
  reject(error: Error): void;
  /** Already handed back once after its process died for no reason the expression gave. */
  retried: boolean;
}

interface ProcessEvents {
  /** Ready for a job. */
  idle(): void;
  /** A job to run again in another process. */
  retry(job: SandboxJob): void;
  /** Exited or killed; `startFailure` when it never got ready. */
  gone(startFailure?: SandboxUnavailableError): void;
}

/** Characters of a crashed process's last words kept to say why it died. */
const STDERR_TAIL_CHARS = 4_000;
/** Longest start of a sandbox process (loading the engine through tsx takes about half a second). */
const START_LIMIT_MS = 30_000;
/** What V8 prints when a heap overrun ends the process. */
const OUT_OF_MEMORY = /heap out of memory|invalid size error|invalid array length|allocation failed/i;

export class SandboxProcess {
  private readonly child: ChildProcess;
  private ready = false;
  private finished = false;
  private waiting?: SandboxJob;
  private running?: { id: number; job: SandboxJob; deadline: NodeJS.Timeout };
  private nextId = 0;
  private stderrTail = "";
  /** Why this side killed the process, so that its end is not taken for a crash. */
  private stopped?: "closed" | "overran";
  /** Fails a process that does not get ready; like a job's deadline, it keeps the worker alive meanwhile. */
  private readonly starting: NodeJS.Timeout;

  constructor(
    private readonly limits: SandboxLimits,
    private readonly events: ProcessEvents,
  ) {
    this.child = fork(SANDBOX_CHILD, [], {
      execPath: limits.execPath,
      execArgv: ["--import", TS_LOADER, `--max-old-space-size=${limits.memoryLimitMb}`],
      serialization: "json",
      stdio: ["ignore", "ignore", "pipe", "ipc"],
      env: childEnvironment(),
    });
    // First of all: a fork that fails (no such binary, no file descriptors left) reports it here.
    this.child.on("error", (error) => this.failed(error));
    this.child.on("message", (reply: SandboxReply) => this.onReply(reply));
    // On close rather than exit: by then its stderr has been read to the end.
    this.child.on("close", (code, signal) => this.onClose(code, signal));
    this.child.stderr?.setEncoding("utf8").on("data", (text: string) => {
      this.stderrTail = (this.stderrTail + text).slice(-STDERR_TAIL_CHARS);
    });
    // Never what keeps the worker alive: the timers of a start or a job do that while they last.
    this.child.unref();
    (this.child.channel as unknown as { unref(): void } | undefined)?.unref();
    (this.child.stderr as unknown as { unref?(): void } | null)?.unref?.();
    this.starting = setTimeout(() => this.failed(new Error(`it did not get ready within ${START_LIMIT_MS / 1000} s`)), START_LIMIT_MS);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  run(job: SandboxJob) {
    if (!this.ready) {
      this.waiting = job;
      return;
    }
    const id = ++this.nextId;
    const deadline = setTimeout(() => this.overran(), this.limits.timeLimitMs);
    this.running = { id, job, deadline };
    const request: EvaluationRequest = { id, expression: job.expression, context: job.context };
    try {
      this.child.send(request, (error) => {
        if (error) this.failed(error);
      });
    } catch (error) {
      // Writing the request failed at once (the channel closed, a context too large to write).
      this.failed(error as Error);
    }
  }

  /** Stops the process; a job it runs is refused as the sandbox's, not blamed on its expression. */
  close() {
    this.stopped ??= "closed";
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
    try {
      running.job.resolve(valueOf(reply));
    } catch (error) {
      running.job.reject(error as Error);
    }
    this.events.idle();
  }

  private overran() {
    const running = this.running;
    if (!running) return;
    this.running = undefined;
    this.stopped = "overran";
    this.child.kill("SIGKILL");
    running.job.reject(new ExpressionLimitError(`${running.job.expression}: exceeded the time limit of ${this.limits.timeLimitMs} ms, and its sandbox process was stopped`));
  }

  /** The process failed to start, or its channel failed: it is done for, whatever it was doing. */
  private failed(error: Error) {
    if (!this.ready && !this.finished) {
      this.child.kill("SIGKILL");
      const failure = new SandboxUnavailableError(`the expression sandbox process did not start: ${error.message} ${this.stderrTail.trim().slice(-500)}`.trim());
      this.finish(failure);
      return;
    }
    this.child.kill("SIGKILL");
    this.onClose(null, null);
  }

  private onClose(code: number | null, signal: NodeJS.Signals | null) {
    if (this.finished) return;
    if (!this.ready && !this.stopped) {
      this.finish(new SandboxUnavailableError(`the expression sandbox process did not start (${signal ?? `exit code ${code}`}): ${this.stderrTail.trim().slice(-500)}`));
      return;
    }
    const running = this.running;
    this.running = undefined;
    if (running) {
      clearTimeout(running.deadline);
      this.settleOrphan(running.job, code, signal);
    }
    this.finish();
  }

  /** The job of a process that ended under it: the expression's fault only if the heap overflowed, or it ends a second process. */
  private settleOrphan(job: SandboxJob, code: number | null, signal: NodeJS.Signals | null) {
    if (this.stopped === "closed") job.reject(new SandboxUnavailableError("the expression sandbox was closed"));
    else if (OUT_OF_MEMORY.test(this.stderrTail)) {
      job.reject(new ExpressionLimitError(`${job.expression}: exceeded the memory limit of ${this.limits.memoryLimitMb} MB, and its sandbox process was stopped`));
    } else if (!job.retried) {
      // Killed from outside, or died while idle just as the job was sent: not the expression's doing until it happens again.
      job.retried = true;
      this.events.retry(job);
    } else job.reject(new ExpressionLimitError(`${job.expression}: its sandbox process crashed twice (${signal ?? `exit code ${code}`}), and was stopped`));
  }

  private finish(startFailure?: SandboxUnavailableError) {
    this.finished = true;
    clearTimeout(this.starting);
    if (this.waiting) {
      const waiting = this.waiting;
      this.waiting = undefined;
      if (startFailure) waiting.reject(startFailure);
      else if (this.stopped === "closed") waiting.reject(new SandboxUnavailableError("the expression sandbox was closed"));
      else this.events.retry(waiting);
    }
    this.events.gone(startFailure);
  }
}

/**
 * The environment a sandbox process needs (to find its binaries, temporary files and time zone),
 * and none of the worker's secrets: no database URL, no secrets key.
 */
function childEnvironment(): NodeJS.ProcessEnv {
  const kept = ["PATH", "HOME", "TMPDIR", "TZ", "LANG", "NODE_ENV"];
  return Object.fromEntries(kept.flatMap((name) => (process.env[name] === undefined ? [] : [[name, process.env[name]]])));
}

const require = createRequire(import.meta.url);
/** The sandbox runs this package's TypeScript as the server does, through tsx's loader. */
const TS_LOADER = pathToFileURL(require.resolve("tsx")).href;
const SANDBOX_CHILD = fileURLToPath(new URL("./sandbox-child.ts", import.meta.url));
