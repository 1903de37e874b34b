/** How bulk actions read on screen: the button, the dialog's verb, and what the progress says. */
export type BulkChoice = "suspend" | "resume" | "terminate" | "rerun_from_start" | "rerun_retry_failed" | "rerun_on_version" | "raise_event" | "purge";

/** `verb` goes before the instances it acts on, `after` (if any) after them: "Re-run 2 instances on a version". */
export const BULK_CHOICES: ReadonlyArray<{ choice: BulkChoice; label: string; verb: string; after?: string; explanation: string; danger?: boolean }> = [
  { choice: "suspend", label: "Suspend", verb: "Suspend", explanation: "Running ones pause until resumed; others are skipped." },
  { choice: "resume", label: "Resume", verb: "Resume", explanation: "Suspended ones carry on; others are skipped." },
  { choice: "terminate", label: "Terminate…", verb: "Terminate", explanation: "Unfinished ones stop for good; ended ones are skipped.", danger: true },
  { choice: "rerun_from_start", label: "Re-run from start", verb: "Re-run from the start", explanation: "Each ended one starts again as a new instance, same input and version; unfinished ones are skipped." },
  { choice: "rerun_retry_failed", label: "Retry failed", verb: "Retry from the failed step", explanation: "Each failed one is re-run from its failed step as a new instance; others are skipped." },
  {
    choice: "rerun_on_version",
    label: "Re-run on version…",
    verb: "Re-run",
    after: "on a version",
    explanation: "Each ended one starts again as a new instance with the same input, on the version you pick of its workflow; unfinished ones are skipped.",
  },
  { choice: "raise_event", label: "Raise event…", verb: "Raise an event on", explanation: "Each unfinished one gets the event; ended ones are skipped." },
  { choice: "purge", label: "Purge…", verb: "Purge", explanation: "Ended ones are deleted with their history, which cannot be undone; unfinished ones are skipped.", danger: true },
];

/** The action and parameters the server takes for a choice. */
export function requestOf(choice: BulkChoice): { action: "suspend" | "resume" | "terminate" | "rerun" | "raise_event" | "purge"; mode?: "from_start" | "retry_failed" | "on_version" } {
  if (choice === "rerun_from_start") return { action: "rerun", mode: "from_start" };
  if (choice === "rerun_retry_failed") return { action: "rerun", mode: "retry_failed" };
  if (choice === "rerun_on_version") return { action: "rerun", mode: "on_version" };
  return { action: choice };
}

const JOB_ACTION_WORDS: Record<string, string> = {
  terminate: "Terminate",
  suspend: "Suspend",
  resume: "Resume",
  rerun: "Re-run",
  purge: "Purge",
  raise_event: "Raise event",
};

const RERUN_WORDS: Record<string, string> = { from_start: "Re-run from the start", retry_failed: "Retry from the failed step", on_version: "Re-run on version" };

/** What a job does, as its progress and the list of jobs name it: "Re-run on version 3". */
export function jobActionWords(action: string, parameters: { mode?: string | undefined; version?: number | undefined; eventName?: string | undefined }): string {
  if (action === "rerun" && parameters.mode) {
    const words = RERUN_WORDS[parameters.mode] ?? `Re-run (${parameters.mode})`;
    return parameters.mode === "on_version" && parameters.version !== undefined ? `${words} ${parameters.version}` : words;
  }
  if (action === "raise_event" && parameters.eventName) return `Raise event ${parameters.eventName}`;
  return JOB_ACTION_WORDS[action] ?? action;
}

export const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;
