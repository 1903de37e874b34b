import { describe, expect, it } from "vitest";
import type { Definition } from "../schema.ts";
import { copyNodes, pasteNodes } from "./clipboard.ts";
import { graphAt } from "./graph-key.ts";
import { readPositions } from "./positions.ts";
import { expectOk, nestedDefinition, soundnessProblems } from "./test-fixtures.ts";

describe("copyNodes", () => {
  it("copies nodes with their nested graphs and the positions drawn inside them", () => {
    const clipboard = copyNodes(nestedDefinition(), ["after", "fan"]);
    expect(Object.keys(clipboard.nodes)).toEqual(["fan", "after"]);
    expect(clipboard.positions).toEqual({ fan: { x: 10, y: 20 }, "start:fan": { x: 0, y: 0 }, work: { x: 1, y: 2 } });
  });

  it("takes the place a node is shown at when the document stores none, the stored one first", () => {
    const shown = { after: { x: 300, y: 400 }, fan: { x: 99, y: 99 } };
    const clipboard = copyNodes(nestedDefinition(), ["after", "fan"], shown);
    expect(clipboard.positions).toMatchObject({ after: { x: 300, y: 400 }, fan: { x: 10, y: 20 } });
  });

  it("takes a node inside a copied container with the container only", () => {
    expect(Object.keys(copyNodes(nestedDefinition(), ["work", "split", "done"]).nodes)).toEqual(["split"]);
  });

  it("ignores start markers, branch frames and unknown ids", () => {
    expect(copyNodes(nestedDefinition(), ["start:", "branch:split#0", "ghost"])).toEqual({ nodes: {}, positions: {} });
  });
});

describe("pasteNodes", () => {
  it("pastes a map into another branch under fresh ids, references and positions following", () => {
    const definition = nestedDefinition();
    const result = expectOk(pasteNodes(definition, copyNodes(definition, ["fan", "after"]), "split#1", { x: 50, y: 60 }));
    expect(result.ids).toEqual(["fan1", "after1"]);
    expect(graphAt(result.definition, "split#1")).toEqual({
      start: "pause",
      nodes: {
        pause: { type: "timer", duration: 5 },
        fan1: {
          type: "map",
          items: "input",
          body: { start: "work1", nodes: { work1: { type: "activity", activity: "w", next: "done1" }, done1: { type: "end" } } },
          next: "after1",
        },
        after1: { type: "end" },
      },
    });
    const positions = readPositions(result.definition);
    expect([positions.fan1, positions["start:fan1"], positions.work1, positions.after1]).toEqual([{ x: 60, y: 80 }, { x: 0, y: 0 }, { x: 1, y: 2 }, undefined]);
    expect(soundnessProblems(result.definition)).toEqual([]);
  });

  it("drops references to nodes that were not copied", () => {
    const definition = nestedDefinition();
    const result = expectOk(pasteNodes(definition, copyNodes(definition, ["begin", "check", "finish"]), ""));
    expect(result.ids).toEqual(["begin1", "check1", "finish1"]);
    expect(result.definition.nodes.begin1).toEqual({ type: "activity", activity: "http" });
    expect(result.definition.nodes.check1).toEqual({
      type: "decision",
      choices: [
        { when: "input.ok", next: "finish1", label: "ok" },
        { when: "input.retry", next: "" },
      ],
    });
    expect(soundnessProblems(result.definition)).toEqual([]);
  });

  it("keeps onError's error names when its target comes along", () => {
    const definition = nestedDefinition();
    const result = expectOk(pasteNodes(definition, copyNodes(definition, ["begin", "oops"]), "fan"));
    expect(graphAt(result.definition, "fan")?.nodes.begin1).toEqual({ type: "activity", activity: "http", onError: { next: "oops1", errors: ["Timeout"] } });
  });

  it("gives every paste its own ids", () => {
    const definition = nestedDefinition();
    const clipboard = copyNodes(definition, ["split"]);
    const once = expectOk(pasteNodes(definition, clipboard, ""));
    const twice = expectOk(pasteNodes(once.definition, clipboard, ""));
    expect([once.ids, twice.ids]).toEqual([["split1"], ["split2"]]);
    expect(graphAt(twice.definition, "split2#0")?.start).toBe("fan2");
    expect(readPositions(twice.definition)["branch:split2#1"]).toEqual({ x: 6, y: 6 });
    expect(soundnessProblems(twice.definition)).toEqual([]);
  });

  it("starts an empty graph with the first pasted node", () => {
    const empty: Definition = { version: 1, start: "", nodes: {} };
    const result = expectOk(pasteNodes(empty, copyNodes(nestedDefinition(), ["approve", "finish"]), ""));
    expect(result.definition.start).toBe("approve1");
    expect(result.definition.nodes.approve1).toEqual({ type: "wait", event: "approved", timeout: 60, next: "finish1" });
  });

  it("pastes a clipboard that went through JSON, and ignores its malformed positions", () => {
    const definition = nestedDefinition();
    const clipboard = JSON.parse(JSON.stringify(copyNodes(definition, ["fan"])));
    clipboard.positions.work = { x: "1" };
    clipboard.positions["start:"] = { x: 1, y: 1 };
    const result = expectOk(pasteNodes(definition, clipboard, ""));
    expect(readPositions(result.definition).work1).toBeUndefined();
    expect(soundnessProblems(result.definition)).toEqual([]);
  });

  it.each([
    ["into an unknown graph", copyNodes(nestedDefinition(), ["fan"]), "ghost", 'there is no graph "ghost"'],
    [
      "a clipboard with an id twice",
      { nodes: { a: { type: "group" as const, body: { start: "a", nodes: { a: { type: "end" as const } } } } }, positions: {} },
      "",
      'the clipboard holds node id "a" twice',
    ],
  ])("refuses to paste %s", (_name, clipboard, graph, error) => {
    expect(pasteNodes(nestedDefinition(), clipboard, graph)).toEqual({ ok: false, error });
  });

  it("pastes nothing from an empty clipboard", () => {
    const definition = nestedDefinition();
    expect(pasteNodes(definition, { nodes: {}, positions: {} }, "")).toEqual({ ok: true, definition, ids: [] });
  });
});
