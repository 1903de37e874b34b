/**
 * What a worker says about its turns and attempts: log lines (always) and spans (when its host
 * gives it a tracer). Without a tracer nothing here allocates on the hot path: a turn gets the one
 * shared untraced scope, and an attempt only a level check unless it fails.
 */
import { context, SpanStatusCode, trace, type Attributes, type Span, type Tracer } from "@opentelemetry/api";
import type { AttemptResult } from "./activity-attempt.ts";
import type { ClaimedTask } from "./activity-sql.ts";
import { describeError, type Logger } from "./logger.ts";
import { contextOf, traceparentOf, turnParentage } from "./tracing.ts";

/** One instance's turn, from before it is planned until it is stored or given up. */
export interface TurnScope {
  /** Kept with the tasks the turn schedules, so their attempts continue its trace. */
  readonly traceparent: string | undefined;
  /** `outcome`: the instance's status after a stored turn, or why none was stored. */
  end(outcome: string): void;
}

const UNTRACED_TURN: TurnScope = { traceparent: undefined, end() {} };

/** How an attempt ended, in a span: `completed`, or `failed` with its error's name. */
const outcomeOf = (result: AttemptResult) => ("error" in result ? "failed" : "completed");

export class Telemetry {
  constructor(
    /** The worker's lines: they carry its id. */
    readonly log: Logger,
    private readonly tracer: Tracer | undefined,
  ) {}

  /** The lines about one instance. */
  instance(instanceId: string): Logger {
    return this.log.child({ instanceId });
  }

  /** Starts a turn's span, continuing the trace of the first traced message it takes and linked to the others'. */
  turn(instance: { id: string; workflowName: string; workflowVersion: number; generation: number }, messages: Array<{ data: unknown }>): TurnScope {
    if (!this.tracer) return UNTRACED_TURN;
    const { parent, links } = turnParentage(messages);
    const attributes: Attributes = {
      "flowcraft.workflow": instance.workflowName,
      "flowcraft.workflow.version": instance.workflowVersion,
      "flowcraft.instance.id": instance.id,
      "flowcraft.generation": instance.generation,
      "flowcraft.messages": messages.length,
    };
    const span = this.tracer.startSpan(`turn ${instance.workflowName}`, { attributes, links }, parent);
    return {
      traceparent: traceparentOf(span.spanContext()),
      end(outcome) {
        span.setAttribute("flowcraft.outcome", outcome);
        if (outcome === "failed" || outcome === "error") span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
      },
    };
  }

  /**
   * Runs an attempt inside its span (so an http step's request carries the trace on), and logs
   * it: a failure as a warning, every attempt at debug. Returns its result and the traceparent
   * its result message takes back to the next turn.
   */
  async attempt(task: ClaimedTask, run: () => Promise<AttemptResult>): Promise<{ result: AttemptResult; traceparent?: string }> {
    let span: Span | undefined;
    let result: AttemptResult;
    if (this.tracer) {
      const parent = contextOf(task.traceparent);
      span = this.tracer.startSpan(
        `activity ${task.activity}`,
        { attributes: { "flowcraft.instance.id": task.instanceId, "flowcraft.node": task.node, "flowcraft.activity": task.activity, "flowcraft.attempt": task.attempt } },
        parent,
      );
      result = await context.with(trace.setSpan(parent, span), run);
      span.setAttribute("flowcraft.outcome", outcomeOf(result));
      if ("error" in result) {
        span.setAttribute("flowcraft.error", result.error.name);
        span.setStatus({ code: SpanStatusCode.ERROR, message: result.error.message });
      }
      span.end();
    } else {
      result = await run();
    }
    this.logAttempt(task, result);
    return { result, traceparent: span && traceparentOf(span.spanContext()) };
  }

  private logAttempt(task: ClaimedTask, result: AttemptResult) {
    const failed = "error" in result;
    if (!this.log.isLevelEnabled(failed ? "warn" : "debug")) return;
    const log = this.log.child({ instanceId: task.instanceId, node: task.node, activity: task.activity, attempt: task.attempt });
    if ("error" in result) log.warn({ error: { name: result.error.name, message: result.error.message } }, `activity attempt failed: ${result.error.message}`);
    else log.debug("activity attempt completed");
  }

  /** An error of the worker's own, or of one instance's turn. */
  error(error: unknown, log: Logger = this.log) {
    log.error({ err: error }, describeError(error));
  }
}
