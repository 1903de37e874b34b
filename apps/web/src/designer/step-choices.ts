/** The steps one can add: each kind of the palette, and an activity step for each registered activity. */
import type { Node } from "@flowcraft/definition";
import { createNode } from "@flowcraft/definition/editor";
import { PALETTE } from "./kinds.ts";
import type { SearchItem } from "./search-match.ts";

/** A step to add, as the searchable lists show it. */
export interface StepChoice extends SearchItem {
  /** A fresh node of this choice. */
  node(): Node;
}

export function stepChoices(activities: string[]): StepChoice[] {
  return [
    ...PALETTE.map((entry) => ({ id: `kind:${entry.kind}`, label: entry.label, group: "Step", hint: entry.hint, node: () => createNode(entry.kind) })),
    ...activities.map((name) => ({
      id: `activity:${name}`,
      label: name,
      group: "Activity",
      hint: `An activity step that runs ${name}`,
      node: (): Node => ({ type: "activity", activity: name }),
    })),
  ];
}
