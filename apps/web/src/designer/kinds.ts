/** The palette: node kinds people add, with the words the canvas uses for them. */
import type { NodeKind } from "@flowcraft/definition";

export const KIND_LABELS: Record<NodeKind | "start" | "branch", string> = {
  activity: "Activity",
  subworkflow: "Sub-workflow",
  parallel: "Fan-out (branches)",
  map: "Fan-out (map)",
  group: "Group / error scope",
  wait: "Wait for event",
  timer: "Timer",
  decision: "Decision",
  monitor: "Monitor loop",
  end: "End",
  fail: "Fail",
  start: "Start",
  branch: "Branch",
};

export interface PaletteEntry {
  kind: NodeKind;
  label: string;
  hint: string;
}

export const PALETTE: PaletteEntry[] = [
  { kind: "activity", label: "Activity step", hint: "Runs a registered activity, with retries and a timeout" },
  { kind: "subworkflow", label: "Sub-workflow", hint: "Runs another published workflow as a child instance and takes its output" },
  { kind: "parallel", label: "Fan-out: branches", hint: "Static branches run at once; joins their outputs in order" },
  { kind: "map", label: "Fan-out: map", hint: "Runs its body for each item of a list, with a concurrency limit" },
  { kind: "wait", label: "Wait for event", hint: "Waits for a named external event or a human approval, with a timeout" },
  { kind: "timer", label: "Timer", hint: "A durable delay" },
  { kind: "decision", label: "Decision", hint: "Chooses a path by JSONata conditions" },
  { kind: "monitor", label: "Monitor loop", hint: "A recurring check that continues as new" },
  { kind: "group", label: "Error scope (group)", hint: "Steps sharing one error handler: the compensation path" },
  { kind: "end", label: "End", hint: "Ends the graph with an output" },
  { kind: "fail", label: "Fail", hint: "Fails the instance with an error" },
];
