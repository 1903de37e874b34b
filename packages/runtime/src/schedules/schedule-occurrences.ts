/**
 * Starting one occurrence of a schedule: its input made, its instance started under the
 * occurrence's id. Shared by the firing loop, "trigger now" and backfill, so that every start of
 * an occurrence is the same start.
 */
import { ExpressionError, ExpressionLimitError, type Evaluator, type Json } from "@flowcraft/engine";
import type { Schedule } from "@flowcraft/db";
import { ClientError } from "../errors.ts";
import type { Instances } from "../instances.ts";
import { occurrenceInstanceId } from "./schedule-timing.ts";

/** How an occurrence's start went: started now, started before (a no-op), or refused with why. */
export type OccurrenceStart = { instanceId: string; started: boolean } | { instanceId: null; error: string };

export async function startOccurrence(
  instances: Instances,
  evaluate: Evaluator,
  schedule: Pick<Schedule, "id" | "workflowName" | "input" | "inputExpression">,
  occurrence: Date,
  by: string,
): Promise<OccurrenceStart> {
  const instanceId = occurrenceInstanceId(schedule.id, occurrence);
  const scheduledAt = occurrence.toISOString();
  try {
    const input = schedule.inputExpression
      ? await evaluate(schedule.inputExpression, { scheduledAt, schedule: { id: schedule.id, workflowName: schedule.workflowName } })
      : ((schedule.input ?? null) as Json);
    await instances.start(schedule.workflowName, input, { instanceId, by, schedule: { scheduleId: schedule.id, scheduledAt } });
    return { instanceId, started: true };
  } catch (error) {
    // The instance id exists: this occurrence was started before, by this worker or another.
    if (error instanceof ClientError && error.code === "conflict") return { instanceId, started: false };
    // The caller's to fix (no published version, an input too large, an expression that fails);
    // anything else (the database, the sandbox) is not the occurrence's fault and is thrown.
    if (error instanceof ClientError || error instanceof ExpressionError || error instanceof ExpressionLimitError) {
      return { instanceId: null, error: `the run of ${scheduledAt} did not start: ${error.message}` };
    }
    throw error;
  }
}
