/**
 * A recorded choice in words, for the step panel and the timeline: which way the run went and the
 * value that decided it, so that "why did it go this way?" has an answer on the page.
 */
import type { Json, PlaceChoice } from "@flowcraft/engine";

/** Longest value quoted inline; the whole value is in the history list. */
const VALUE_CHARS = 120;

export function choiceWords(choice: PlaceChoice): string {
  switch (choice.of) {
    case "branch":
      if (choice.next === null) return "no choice held and there is no default, so the step failed";
      if (choice.choice === null) return `went to ${choice.next} by default: no choice held`;
      return `went to ${choice.next}: choice ${choice.choice + 1}${choice.expression ? `, ${choice.expression},` : ""} yielded ${short(choice.value ?? null)}`;
    case "items":
      return `listed ${choice.items.length} ${choice.items.length === 1 ? "item" : "items"}${choice.expression ? ` from ${choice.expression}` : ""}`;
    case "state":
      return `began with state ${short(choice.state)}`;
    case "check":
      return `check ${choice.iteration} ${choice.stop ? "stopped the monitor" : "goes on"} with state ${short(choice.nextState)}`;
    case "output":
      return `yielded ${short(choice.output)}`;
  }
}

function short(value: Json): string {
  const text = JSON.stringify(value);
  return text.length > VALUE_CHARS ? `${text.slice(0, VALUE_CHARS)}…` : text;
}
