/**
 * The runtime's log: a pino logger its host passes in (the server's, with its redactions). Lines
 * about an instance carry its `instanceId`; about a step, also its `node`, `activity` and
 * `attempt`; a worker's lines carry its `worker` id.
 */
import { pino, type Logger } from "pino";

export type { Logger };

/** For a host that passes none: JSON lines on standard output, from info up. */
export const defaultLogger = (): Logger => pino();

/** Logs nothing: for tests and tools that have no use for the lines. */
export const silentLogger = (): Logger => pino({ level: "silent" });

/** The message of a line about an error: its own words, else what it is. */
export const describeError = (error: unknown) => (error instanceof Error ? error.message : String(error));
