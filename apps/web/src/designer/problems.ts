/**
 * Live validation: the same compiler the server runs at publish, in the browser. Problems are
 * counted per canvas node for the badges; those without a node belong to the whole workflow.
 */
import { validateDefinition, type Definition, type Problem } from "@flowcraft/definition";
import { useDeferredValue, useMemo } from "react";
import { useDesigner } from "./store.ts";

export function problemsOf(definition: Definition, activities: string[] | undefined): Problem[] {
  const result = validateDefinition(definition, activities ? { activities } : {});
  return result.ok ? [] : result.problems;
}

export function useProblems(activities: string[] | undefined): Problem[] {
  // Validating hundreds of nodes takes longer than a keystroke may: React renders the edit first
  // and the problems right after, instead of holding the keystroke back.
  const definition = useDeferredValue(useDesigner((s) => s.definition));
  return useMemo(() => problemsOf(definition, activities), [definition, activities]);
}

export function problemCounts(problems: Problem[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const problem of problems) {
    if (problem.nodeId) counts.set(problem.nodeId, (counts.get(problem.nodeId) ?? 0) + 1);
  }
  return counts;
}
