import type { Node } from "@flowcraft/definition";
import { describe, expect, it } from "vitest";
import { exitLabelsOf } from "./describe.ts";

describe("exitLabelsOf", () => {
  it.each<[string, Node, string[]]>([
    ["a plain step: its error exit named", { type: "activity", activity: "x" }, ["", "error"]],
    ["a wait: its timeout too", { type: "wait", event: "e" }, ["", "error", "timeout"]],
    ["an end: no exits", { type: "end" }, []],
    [
      "a decision: labels, else conditions without input.",
      { type: "decision", choices: [{ when: "input.cost < 1000", next: "" }, { when: "x", next: "", label: " cheap " }, { when: "$.a.b = 1", next: "" }] },
      ["cost < 1000", "cheap", "a.b = 1", "default", "error"],
    ],
    [
      "a decision: long conditions cut short, on one line",
      { type: "decision", choices: [{ when: "input.order.total\n  > input.limits.max", next: "" }] },
      ["order.total > l…", "default", "error"],
    ],
    ["a decision: a field named like a path is left alone", { type: "decision", choices: [{ when: "myinput.x", next: "" }] }, ["myinput.x", "default", "error"]],
  ])("%s", (_, node, labels) => {
    expect(exitLabelsOf(node)).toEqual(labels);
  });
});
