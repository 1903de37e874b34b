/** Polling with backoff, for waiting on an instance without hammering the server. */
import { FlowcraftError } from "./errors.ts";

export interface PollOptions {
  /** How long to wait in all before giving up (default a minute). */
  timeoutMs?: number;
  /** Stops waiting when aborted. */
  signal?: AbortSignal;
}

/** The first poll comes soon, since short workflows end within a fraction of a second. */
const FIRST_DELAY_MS = 100;
/** Long waits settle at one poll every two seconds. */
const MAX_DELAY_MS = 2_000;
const DEFAULT_TIMEOUT_MS = 60_000;

/**
 * Reads until `done` holds, waiting longer between reads each time. A database the server cannot
 * reach for a while (503) is waited out like any other delay.
 */
export async function pollUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, notDone: (last: T | undefined) => string, { timeoutMs = DEFAULT_TIMEOUT_MS, signal }: PollOptions = {}): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let delay = FIRST_DELAY_MS;
  let last: T | undefined;
  for (;;) {
    try {
      last = await read();
      if (done(last)) return last;
    } catch (error) {
      if (!(error instanceof FlowcraftError && error.status === 503)) throw error;
    }
    const left = deadline - Date.now();
    if (left <= 0) {
      throw new FlowcraftError(`${notDone(last)} after ${Math.round(timeoutMs / 1000)} s`, 0, "timeout");
    }
    await sleep(Math.min(delay, left), signal);
    delay = Math.min(delay * 1.5, MAX_DELAY_MS);
  }
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => (clearTimeout(timer), reject(signal.reason)), { once: true });
  });
}
