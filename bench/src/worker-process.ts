/**
 * A worker in a process of its own, as `pnpm worker` runs one next to the server: the benchmark
 * forks these (WORKER_PROCESSES) to measure how throughput scales out. It runs the scenarios'
 * no-op activity against the database in its DATABASE_URL, says "ready" once its activities are
 * registered (publishing checks them), and stops on "stop", reporting the CPU time it used. With
 * BENCH_PROFILE=1 it profiles its own statements too, measured between "reset" and "report".
 */
import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { connect, type Database } from "@flowcraft/db";
import { ActivityRegistry, RuntimeMetrics, silentLogger, Worker } from "@flowcraft/runtime";
import { collectDefaultMetrics, Registry } from "prom-client";
import { Profiler } from "./profile.ts";
import { NOOP } from "./scenarios.ts";

type ToWorker = { kind: "reset" } | { kind: "report"; title: string } | { kind: "stop" };
type FromWorker = { ready: true } | { reset: true } | { report: string } | { stopped: true; cpuMs: number } | { error: string };

/** A forked worker process, seen from the benchmark. */
export class WorkerProcess {
  private constructor(
    private readonly child: ChildProcess,
    private readonly messages: AsyncIterator<FromWorker>,
  ) {}

  /** Forks a worker against `url` with a pool of `poolSize`, and waits until it runs. */
  static async start(url: string, poolSize: number, onError: (message: string) => void): Promise<WorkerProcess> {
    const child = fork(fileURLToPath(import.meta.url), [], {
      execArgv: ["--import", "tsx"],
      env: { ...process.env, DATABASE_URL: url, POOL_SIZE: String(poolSize), FLOWCRAFT_BENCH_WORKER: "1" },
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    const messages = messagesOf(child, onError);
    const worker = new WorkerProcess(child, messages);
    const first = await worker.next();
    if (!("ready" in first)) throw new Error(`a worker process did not start: ${JSON.stringify(first)}`);
    return worker;
  }

  /** Starts the worker's profile anew (BENCH_PROFILE=1). */
  async resetProfile(): Promise<void> {
    this.child.send({ kind: "reset" } satisfies ToWorker);
    await this.next();
  }

  /** The worker's profile since the last reset: its statements, its CPU. */
  async profile(title: string): Promise<string> {
    this.child.send({ kind: "report", title } satisfies ToWorker);
    const reply = await this.next();
    return "report" in reply ? reply.report : "";
  }

  /** Stops the worker (its attempts finish first) and says how much CPU its process used. */
  async stop(): Promise<number> {
    if (this.child.exitCode !== null) return 0;
    this.child.send({ kind: "stop" } satisfies ToWorker);
    const reply = await this.next();
    return "stopped" in reply ? reply.cpuMs : 0;
  }

  private async next(): Promise<FromWorker> {
    const { value, done } = await this.messages.next();
    if (done) throw new Error("a worker process exited unexpectedly");
    return value;
  }
}

async function* messagesOf(child: ChildProcess, onError: (message: string) => void): AsyncGenerator<FromWorker> {
  const queue: FromWorker[] = [];
  let exited = false;
  let wake: () => void = () => {};
  child.on("message", (message: FromWorker) => {
    if ("error" in message) onError(`worker process ${child.pid}: ${message.error}`);
    else queue.push(message);
    wake();
  });
  child.on("exit", () => {
    exited = true;
    wake();
  });
  for (;;) {
    if (queue.length > 0) yield queue.shift()!;
    else if (exited) return;
    else await new Promise<void>((resolve) => (wake = resolve));
  }
}

async function runWorker() {
  const send = (message: FromWorker) => process.send!(message);
  const db = connect(process.env.DATABASE_URL!, { poolSize: Number(process.env.POOL_SIZE) });
  const worker = new Worker(db, {
    activities: new ActivityRegistry().register(NOOP, () => null),
    metrics: process.env.METRICS === "0" ? undefined : runtimeMetrics(db),
    logger: silentLogger(),
    onError: (error) => send({ error: String(error) }),
  });
  const profiler = process.env.BENCH_PROFILE === "1" ? await Profiler.install(db) : null;
  await worker.start();
  send({ ready: true });
  process.on("message", async (message: ToWorker) => {
    if (message.kind === "reset") {
      await profiler?.reset();
      send({ reset: true });
    } else if (message.kind === "report") {
      send({ report: profiler ? await profiler.report(message.title) : "" });
    } else {
      await worker.stop();
      await db.close();
      const { user, system } = process.cpuUsage();
      send({ stopped: true, cpuMs: (user + system) / 1000 });
      process.disconnect();
    }
  });
}

/** The metrics `pnpm worker` keeps, as the benchmark's own process keeps them (METRICS=0 leaves them out). */
export function runtimeMetrics(db: Database): RuntimeMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return new RuntimeMetrics(registry, db);
}

if (process.env.FLOWCRAFT_BENCH_WORKER === "1" && process.send) await runWorker();
