/**
 * A replay-corpus case as a file: its description, the definition the instance ran, and its
 * history as stored, one list of events per generation. Each event takes one line, so that a
 * re-recorded corpus shows in a diff event by event.
 */
import type { StoredEvent } from "./recorder.ts";

export function caseFileText(description: string, definition: unknown, events: readonly StoredEvent[]): string {
  const generations: string[][] = [];
  for (const { generation, ...event } of events) (generations[generation - 1] ??= []).push(`      ${JSON.stringify(event)}`);
  const definitionText = JSON.stringify(definition, null, 2).replaceAll("\n", "\n  ");
  const generationsText = generations.map((lines) => `    [\n${lines.join(",\n")}\n    ]`).join(",\n");
  return `{\n  "description": ${JSON.stringify(description)},\n  "definition": ${definitionText},\n  "generations": [\n${generationsText}\n  ]\n}\n`;
}
