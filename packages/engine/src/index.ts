/**
 * @flowcraft/engine: the pure workflow interpreter. `decide(definition, history, now)` returns the
 * next commands and the events that record them; no I/O, no randomness, and no clock but the one
 * that bounds how long an expression may run (see expression-budget.ts).
 */
export { decide } from "./decide.ts";
export type { Decision } from "./decide.ts";
export { eventOf } from "./commands.ts";
export type { Command } from "./commands.ts";
export { HISTORY_EVENT_TYPES, RERUN_KINDS } from "./history.ts";
export type {
  ApprovalRequest,
  Choice,
  ChoiceKind,
  HistoryEvent,
  HistoryEventBody,
  HistoryEventOf,
  HistoryEventType,
  RerunKind,
  Resume,
  TimerPurpose,
  WorkflowError,
} from "./history.ts";
export type { Json } from "./json.ts";
export { inJsonbKeyOrder, MAX_STORED_VALUE_BYTES, storableJsonText, unstorableIn } from "./json.ts";
export { utf8Length } from "./json-size.ts";
export { indexHistory } from "./facts.ts";
export type { Facts } from "./facts.ts";
export { HistoryIndex } from "./history-index.ts";
export { interpret } from "./interpreter.ts";
export type { NodeStatus, NodeTrace, Interpretation } from "./interpreter.ts";
export { summarize, RUNTIME_STATUSES, TERMINAL_STATUSES } from "./summary.ts";
export type { InstanceSummary, RuntimeStatus } from "./summary.ts";
export { evaluate, ExpressionError, ExpressionLimitError } from "./expression.ts";
export { parseExpression } from "./expression-parse.ts";
export type { Evaluator } from "./expression.ts";
export { isPlainLookup } from "./expression-shape.ts";
export { contextFor } from "./expression-reach.ts";
export { answer, evaluatorWith, valueOf } from "./expression-remote.ts";
export type { EvaluationReply, EvaluationRequest } from "./expression-remote.ts";
export { EXPRESSION_DEPTH_BUDGET, EXPRESSION_STEP_BUDGET, EXPRESSION_TIME_BUDGET_MS, EXPRESSION_STRING_BUDGET, EXPRESSION_SEQUENCE_BUDGET } from "./expression-budget.ts";
export { retryDelaySeconds, maxAttemptsOf } from "./retry.ts";
export { progressOf } from "./progress.ts";
export type { AttemptRecord, Ending, FanOutCounts, InstanceProgress, NodeProgress, PlaceChoice, PlaceProgress, RecordedChoice, RetryInfo, StepState, TimerRecord, WaitingInfo, WaitRecord } from "./progress.ts";
export { historyForRetry } from "./retry-history.ts";
export { followWaitChanges, isWaiting, openWaitStarts, takeWaitChanges, timeoutTimerOf } from "./open-waits.ts";
export type { WaitChanges, WaitStart } from "./open-waits.ts";
export { eventsToCarry, MAX_CARRIED_EVENTS } from "./carried-events.ts";
