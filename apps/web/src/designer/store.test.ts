import { describe, expect, it } from "vitest";
import type { Definition } from "@flowcraft/definition";
import { useDesigner } from "./store.ts";

const definition: Definition = { version: 1, start: "done", nodes: { done: { type: "end" } } };
const addNode = (current: Definition) => ({ ok: true as const, definition: { ...current, nodes: { ...current.nodes, more: { type: "end" as const } } } });

describe("the designer's document", () => {
  it("takes edits when the person may design", () => {
    useDesigner.getState().load("w", definition, 0);
    expect(useDesigner.getState().edit(addNode)).toBe(true);
    expect(Object.keys(useDesigner.getState().definition.nodes)).toEqual(["done", "more"]);
  });

  it("stays as it was when read-only, whichever control asks, and says why", () => {
    useDesigner.getState().load("w", definition, 0, "It takes the designer role to edit, save and publish workflows");
    expect(useDesigner.getState().edit(addNode)).toBe(false);
    expect(useDesigner.getState().definition).toBe(definition);
    expect(useDesigner.getState().notice).toBe("It takes the designer role to edit, save and publish workflows");
  });

  it("drops JSON text that made no definition when another document is loaded", () => {
    useDesigner.getState().load("w", definition, 0);
    useDesigner.getState().setJsonDraft({ text: "{", problems: [{ from: 1, to: 1, line: 1, column: 2, message: "a value expected" }] });
    useDesigner.getState().load("other", definition, 0);
    expect(useDesigner.getState().jsonDraft).toBeNull();
  });
});
