import type { Definition } from "@flowcraft/definition";
import { describe, expect, it } from "vitest";
import { runChoiceOf } from "./run-choice.ts";

const draft: Definition = { version: 1, start: "a", nodes: { a: { type: "end", output: "input" } } };
// The same definition with its keys in another order, as the server may send it back.
const reordered = JSON.parse('{"nodes":{"a":{"output":"input","type":"end"}},"start":"a","version":1}') as Definition;
const edited: Definition = { ...draft, start: "b", nodes: { ...draft.nodes, b: { type: "end" } } };

describe("runChoiceOf", () => {
  it.each([
    ["never published", draft, null, { kind: "draft", published: null, next: 1 }],
    ["the latest version, keys in any order", draft, { version: 3, definition: reordered }, { kind: "published", version: 3 }],
    ["edited since the latest version", edited, { version: 3, definition: draft }, { kind: "draft", published: 3, next: 4 }],
  ] as const)("a draft %s", (_case, shown, latest, choice) => {
    expect(runChoiceOf(shown, latest)).toEqual(choice);
  });
});
