/** What a deploy changes in a workflow's definition, as a unified diff of its JSON. */
import { createTwoFilesPatch } from "diff";

/** Keys in one order, so that the diff shows changes, not the order the database keeps keys in. */
function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortedKeys((value as Record<string, unknown>)[key])]));
  }
  return value;
}

export function definitionDiff(before: { label: string; definition: unknown }, after: { label: string; definition: unknown }): string {
  const text = (definition: unknown) => JSON.stringify(sortedKeys(definition), null, 2) + "\n";
  const patch = createTwoFilesPatch(before.label, after.label, text(before.definition), text(after.definition), undefined, undefined, { context: 2 });
  // The first line is a row of "=" that says nothing.
  return patch.split("\n").filter((line) => !/^=+$/.test(line)).join("\n").trimEnd();
}
