/**
 * Where a replay in the browser evaluates expressions: as the workers do on the server, plain
 * lookups in the page (they can neither loop nor build more than their data) and every other
 * expression in a web worker that is stopped past a deadline. A definition whose expression sorts
 * a million items, or fills memory, then holds up that worker, never the page, and the replay says
 * it could not finish instead of freezing the tab. Where there are no web workers (tests in Node),
 * everything runs in place.
 */
import { evaluate, evaluatorWith, valueOf, type EvaluationReply, type EvaluationRequest, type Evaluator, type Json } from "@flowcraft/engine";

/** How long one expression may take in the worker: three times the engine's own time budget. */
export const BROWSER_EXPRESSION_DEADLINE_MS = 3_000;

/** A replay that could not finish in the browser; its message says why, for the page. */
export class ReplayStopped extends Error {
  override name = "ReplayStopped";
}

interface Pending {
  resolve(value: Json): void;
  reject(error: Error): void;
  deadline: ReturnType<typeof setTimeout>;
}

let worker: Worker | null = null;
const pending = new Map<number, Pending>();
let nextId = 0;

/** Started on the first expression that needs it: most replays evaluate only plain lookups, and its script is a third of a megabyte. */
function workerNow(): Worker {
  if (worker) return worker;
  const started = new Worker(new URL("./expression-worker.ts", import.meta.url), { type: "module" });
  started.onmessage = ({ data }: MessageEvent<EvaluationReply>) => {
    const waiting = pending.get(data.id);
    if (!waiting) return;
    pending.delete(data.id);
    clearTimeout(waiting.deadline);
    try {
      waiting.resolve(valueOf(data));
    } catch (error) {
      waiting.reject(error as Error);
    }
  };
  started.onerror = (event) => stop(`the worker evaluating the definition's expressions failed: ${event.message || "it ran out of memory or crashed"}`);
  worker = started;
  return started;
}

/** Stops the worker and fails every evaluation it still owed: a new one starts for the next. */
function stop(why: string) {
  worker?.terminate();
  worker = null;
  for (const [id, waiting] of pending) {
    clearTimeout(waiting.deadline);
    waiting.reject(new ReplayStopped(why));
    pending.delete(id);
  }
}

/** Evaluates in the worker, past a deadline; in place where there are no web workers. */
const inWorker: Evaluator = (expression, context) => {
  if (typeof Worker === "undefined") return evaluate(expression, context);
  const running = workerNow();
  const id = ++nextId;
  return new Promise<Json>((resolve, reject) => {
    const deadline = setTimeout(
      () => stop(`evaluating ${expression} took over ${BROWSER_EXPRESSION_DEADLINE_MS / 1000} s in the browser and was stopped`),
      BROWSER_EXPRESSION_DEADLINE_MS,
    );
    pending.set(id, { resolve, reject, deadline });
    const request: EvaluationRequest = { id, expression, context };
    running.postMessage(request);
  });
};

/** The evaluator of replays in the browser: plain lookups in the page, the rest in the worker, as on the server. */
export const evaluateInBrowser: Evaluator = evaluatorWith(inWorker);
