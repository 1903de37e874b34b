/**
 * Server-sent events of `GET /api/v1/instances/{id}/watch`: an instance and its history, everything
 * so far (in chunks), then each change as it is stored. The web app's instance view reads it, and
 * so can any system that wants push rather than polling.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { Readable } from "node:stream";
import type { FastifyRequest } from "fastify";
import type { InstanceUpdate, Instances } from "@flowcraft/runtime";
import { answerOf } from "../caller-errors.ts";
import { errorBody } from "./errors.ts";

/** A comment line this often keeps proxies and load balancers from closing a quiet stream. */
export const KEEPALIVE_MS = 15_000;

/**
 * The body of a watch: one message per update (its id the seq to resume after), a comment while
 * nothing happens, and a final `error` event should the watch fail once the stream has begun.
 * `stopped` aborts when the client goes away; `onFailure` hears of failures of the server's.
 */
export function eventStreamOf(updates: AsyncGenerator<InstanceUpdate>, stopped: AbortSignal, onFailure: (error: unknown) => void): Readable {
  return Readable.from(messagesOf(updates, stopped, onFailure), { objectMode: false });
}

/** Where a reconnecting `EventSource` stopped (`Last-Event-ID`: the seq of the last event it got), unparsed. */
export function resumePointOf(request: FastifyRequest): string | undefined {
  const header = request.headers["last-event-id"];
  return Array.isArray(header) ? header[0] : header;
}

async function* messagesOf(updates: AsyncGenerator<InstanceUpdate>, stopped: AbortSignal, onFailure: (error: unknown) => void): AsyncGenerator<string> {
  try {
    let next = updates.next();
    while (!stopped.aborted) {
      const quiet = new AbortController();
      // The timer is cancelled once the race is decided; its rejection then means nothing.
      const result = await Promise.race([next, sleep(KEEPALIVE_MS, "keepalive" as const, { signal: quiet.signal }).catch(() => "keepalive" as const)]);
      quiet.abort();
      if (result === "keepalive") {
        yield ": keepalive\n\n";
        continue;
      }
      if (result.done) return;
      yield `id: ${result.value.seq}\ndata: ${messageText(result.value)}\n\n`;
      next = updates.next();
    }
  } catch (error) {
    const mapped = answerOf(error);
    if (!mapped || mapped.status >= 500) onFailure(error);
    const body = mapped ? errorBody(mapped.code, mapped.message) : errorBody("internal", "watching the instance failed; reconnect to resume");
    yield `event: error\ndata: ${JSON.stringify(body)}\n\n`;
  } finally {
    await updates.return(undefined);
  }
}

/** An update as the JSON of `InstanceWatchMessage`, with the history's text passed on as read. */
function messageText({ instance, seq, lastSeq, definition, eventsJson }: InstanceUpdate): string {
  const definitionField = definition ? `,"definition":${JSON.stringify(definition)}` : "";
  return `{"instance":${JSON.stringify(instance)},"seq":${seq},"lastSeq":${lastSeq}${definitionField},"events":${eventsJson}}`;
}
