/** Commands: what the engine asks the runtime to do next. Each becomes exactly one history event. */
import type { ApprovalRequest, Choice, HistoryEventBody, Resume, TimerPurpose, WorkflowError } from "./history.ts";
import type { Json } from "./json.ts";

export type Command =
  | {
      type: "schedule_activity";
      activityId: string;
      node: string;
      activity: string;
      input: Json;
      attempt: 1;
      timeoutSeconds: number;
      /** Longest silence between the activity's heartbeats; unset: not checked. */
      heartbeatTimeoutSeconds?: number;
    }
  | {
      type: "retry_activity";
      activityId: string;
      node: string;
      activity: string;
      input: Json;
      attempt: number;
      delaySeconds: number;
      timeoutSeconds: number;
      heartbeatTimeoutSeconds?: number;
    }
  | {
      type: "start_child";
      stepId: string;
      node: string;
      workflow: string;
      version: number | "latest";
      input: Json;
      attempt: number;
      /** Whether the child is terminated when this instance ends or continues as new while it runs. */
      terminateWithParent: boolean;
    }
  | { type: "start_timer"; timerId: string; node: string; purpose: TimerPurpose; delaySeconds: number }
  | { type: "wait_for_event"; waitId: string; node: string; event: string; timeoutSeconds?: number; approval?: ApprovalRequest }
  | { type: "consume_event"; waitId: string; node: string; name: string; raisedSeq: number }
  | { type: "set_custom_status"; key: string; node: string; value: Json }
  | ({ type: "record_choice"; key: string; node: string } & Choice)
  | { type: "complete"; output: Json }
  | { type: "fail"; error: WorkflowError }
  | { type: "continue_as_new"; input: Json; resume: Resume };

const addSeconds = (now: Date, seconds: number) => new Date(now.getTime() + seconds * 1000).toISOString();

/** The history event that records a command, stamped with the decision time. */
export function eventOf(command: Command, now: Date): HistoryEventBody {
  switch (command.type) {
    case "schedule_activity":
      return {
        type: "activity_scheduled",
        activityId: command.activityId,
        node: command.node,
        activity: command.activity,
        input: command.input,
        attempt: command.attempt,
      };
    case "retry_activity":
      return {
        type: "activity_retrying",
        activityId: command.activityId,
        attempt: command.attempt,
        delaySeconds: command.delaySeconds,
        retryAt: addSeconds(now, command.delaySeconds),
      };
    case "start_child":
      return {
        type: "child_scheduled",
        stepId: command.stepId,
        node: command.node,
        workflow: command.workflow,
        version: command.version,
        input: command.input,
        attempt: command.attempt,
      };
    case "start_timer":
      return {
        type: "timer_created",
        timerId: command.timerId,
        node: command.node,
        purpose: command.purpose,
        fireAt: addSeconds(now, command.delaySeconds),
      };
    case "wait_for_event":
      return {
        type: "event_wait_started",
        waitId: command.waitId,
        node: command.node,
        event: command.event,
        ...(command.timeoutSeconds !== undefined ? { timeoutAt: addSeconds(now, command.timeoutSeconds) } : {}),
        ...(command.approval ? { approval: command.approval } : {}),
      };
    case "consume_event":
      return { type: "event_consumed", waitId: command.waitId, node: command.node, name: command.name, raisedSeq: command.raisedSeq };
    case "set_custom_status":
      return { type: "custom_status_set", key: command.key, node: command.node, value: command.value };
    case "record_choice": {
      const { type: _, ...choice } = command;
      return { type: "choice_recorded", ...choice };
    }
    case "complete":
      return { type: "execution_completed", output: command.output };
    case "fail":
      return { type: "execution_failed", error: command.error };
    case "continue_as_new":
      return { type: "continued_as_new", input: command.input, resume: command.resume };
  }
}
