/**
 * What people did to an instance, from its history: who suspended, resumed or terminated it,
 * raised an event, decided an approval or re-ran it, and which instance a re-run started as. The
 * timeline's operator lane and the history list show these words.
 */
import type { HistoryEvent, HistoryEventOf, RerunKind } from "@flowcraft/engine";

/** Words with links to other instances in between. */
export type WordPart = string | { instanceId: string };

export type OperatorAction = "suspended" | "resumed" | "terminated" | "event" | "approval" | "rerun" | "origin";

export interface OperatorMark {
  seq: number;
  /** Milliseconds since the epoch. */
  at: number;
  action: OperatorAction;
  parts: WordPart[];
}

const RERUN_KIND_WORDS: Record<RerunKind, string> = {
  retry_failed: "retried from the failed step",
  from_start: "re-run from the start",
  on_version: "re-run on version",
};

const ORIGIN_KIND_WORDS: Record<RerunKind, string> = {
  retry_failed: "a retry",
  from_start: "a re-run from the start",
  on_version: "a re-run on another version",
};

/** The operator actions in a list of events, in order. */
export function operatorMarksOf(events: readonly HistoryEvent[]): OperatorMark[] {
  const marks: OperatorMark[] = [];
  for (const event of events) {
    const mark = operatorMarkOf(event);
    if (mark) marks.push(mark);
  }
  return marks;
}

/** The operator action an event records, or null when it records the workflow's own progress. */
export function operatorMarkOf(event: HistoryEvent): OperatorMark | null {
  const mark = (action: OperatorAction, parts: WordPart[]): OperatorMark => ({ seq: event.seq, at: Date.parse(event.at), action, parts });
  switch (event.type) {
    case "suspended":
    case "resumed":
    case "terminated":
      return mark(event.type, [`${event.type}${by(event.by)}${event.reason ? `: ${event.reason}` : ""}`]);
    case "event_raised":
      return decisionMark(event, mark) ?? mark("event", [`event ${event.name} raised${by(event.raisedBy)}`]);
    case "rerun_requested": {
      const how = event.kind === "on_version" ? `${RERUN_KIND_WORDS.on_version} ${event.workflowVersion}` : RERUN_KIND_WORDS[event.kind];
      return mark("rerun", [`${how}${by(event.by)} as `, { instanceId: event.rerunInstanceId }]);
    }
    case "execution_started":
      if (!event.origin) return null;
      return mark("origin", [`started${by(event.origin.by)} as ${ORIGIN_KIND_WORDS[event.origin.kind]} of `, { instanceId: event.origin.instanceId }]);
    default:
      return null;
  }
}

/** An approval decision is an event addressed to its wait, carrying who decided and why. */
function decisionMark(event: HistoryEventOf<"event_raised">, mark: (action: OperatorAction, parts: WordPart[]) => OperatorMark): OperatorMark | null {
  const payload = event.payload;
  if (!event.waitId || typeof payload !== "object" || payload === null || Array.isArray(payload)) return null;
  const { decision, approver, comment } = payload;
  if (decision !== "approved" && decision !== "rejected") return null;
  const who = typeof approver === "string" && approver !== "" ? approver : event.raisedBy;
  return mark("approval", [`${decision}${by(who)}${typeof comment === "string" && comment !== "" ? `: ${comment}` : ""}`]);
}

function by(who: string | undefined): string {
  return who ? ` by ${who}` : "";
}

/** The words as plain text, other instances named by id: for tooltips and accessible names. */
export function plainWords(parts: readonly WordPart[]): string {
  return parts.map((part) => (typeof part === "string" ? part : `instance ${part.instanceId}`)).join("");
}
