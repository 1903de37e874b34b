/** The activity SDK: TypeScript functions registered by name and run by the worker that registered them. */
import type { Json } from "@flowcraft/engine";

export interface ActivityContext {
  instanceId: string;
  activityId: string;
  /** 1-based attempt number. */
  attempt: number;
  /** Aborted when the attempt's timeout passes; long-running activities should honour it. */
  signal: AbortSignal;
  /**
   * Says the activity is still making progress, with `details` to resume from should this run
   * end early (a crash, an error, a timeout); null drops the details given before. Cheap to call
   * often: details reach the database with the worker's next lease renewal, not per call. Throws
   * an ActivityError when the details cannot be stored (over 1 MiB as JSON, or holding what
   * Postgres refuses).
   */
  heartbeat(details?: Json): void;
  /** The details the last run of this activity gave heartbeat() (a crashed run, or an earlier attempt), if any. */
  heartbeatDetails: Json | undefined;
}

export type ActivityFunction = (input: Json, context: ActivityContext) => Json | Promise<Json> | void | Promise<void>;

/**
 * An error an activity throws on purpose; `name` lets an error path handle it selectively.
 * `nonRetryable` says that another attempt cannot succeed, so the step fails without the retries
 * its policy would allow.
 */
export class ActivityError extends Error {
  constructor(
    message: string,
    readonly errorName = "ActivityFailed",
    readonly details?: Json,
    readonly options: { nonRetryable?: boolean } = {},
  ) {
    super(message);
    this.name = errorName;
  }
}

/** Activities by name. A worker runs only the activities in its registry. */
export class ActivityRegistry {
  private readonly activities = new Map<string, ActivityFunction>();

  register(name: string, fn: ActivityFunction): this {
    if (!/^[A-Za-z0-9_.:-]{1,200}$/.test(name)) throw new Error(`invalid activity name "${name}"`);
    if (this.activities.has(name)) throw new Error(`activity "${name}" is registered twice`);
    this.activities.set(name, fn);
    return this;
  }

  get(name: string): ActivityFunction | undefined {
    return this.activities.get(name);
  }

  names(): string[] {
    return [...this.activities.keys()];
  }
}
