/**
 * A draft is any JSON object within the size limit, so it may nest containers far deeper than a
 * valid definition may: every edit the designer offers must still work on it, without running
 * out of stack.
 */
import { describe, expect, it } from "vitest";
import type { Definition, Graph } from "../schema.ts";
import { toCanvasModel } from "./canvas-model.ts";
import { copyNodes, pasteNodes } from "./clipboard.ts";
import { connect } from "./connection-edits.ts";
import { graphAt, graphKeysOf, locateNode } from "./graph-key.ts";
import { addNode, updateNode } from "./node-edits.ts";
import { removeNodes } from "./remove-nodes.ts";
import { renameNode } from "./rename-node.ts";
import { expectOk } from "./test-fixtures.ts";

/** Deeper than any stack would take one frame per level for. */
const DEPTH = 20_000;

/** Groups g1 ... g<DEPTH>, each holding the next; the innermost holds `leaf`. */
function deepDraft(): Definition {
  let graph: Graph = { start: "leaf", nodes: { leaf: { type: "timer", duration: 1 } } };
  for (let i = DEPTH; i >= 1; i--) graph = { start: `g${i}`, nodes: { [`g${i}`]: { type: "group", body: graph } } };
  return { version: 1, ...graph };
}

const innermost = `g${DEPTH}`;

describe("editing a draft nested 20,000 containers deep", () => {
  const draft = deepDraft();

  it("indexes and draws every graph, outermost first", () => {
    const keys = graphKeysOf(draft);
    expect(keys).toHaveLength(DEPTH + 1);
    expect(keys.slice(0, 3)).toEqual(["", "g1", "g2"]);
    expect(locateNode(draft, "leaf")).toEqual({ node: { type: "timer", duration: 1 }, graph: innermost });
    const model = toCanvasModel(draft);
    expect(model.nodes).toHaveLength(2 * DEPTH + 2);
    expect(model.nodes.at(-1)).toMatchObject({ id: "leaf", parent: innermost });
  });

  it("adds, connects, renames and removes nodes in the innermost graph", () => {
    const added = expectOk(addNode(draft, "end", innermost));
    expect(added.id).toBe("end1");
    const connected = expectOk(connect(added.definition, "leaf", "next", "end1")).definition;
    expect(graphAt(connected, innermost)?.nodes.leaf).toEqual({ type: "timer", duration: 1, next: "end1" });

    const renamed = expectOk(renameNode(draft, "leaf", "last")).definition;
    expect(graphAt(renamed, innermost)).toEqual({ start: "last", nodes: { last: { type: "timer", duration: 1 } } });

    const removed = expectOk(removeNodes(draft, ["leaf"])).definition;
    expect(graphAt(removed, innermost)).toEqual({ start: "", nodes: {} });
    expect(graphAt(draft, innermost)).toEqual({ start: "leaf", nodes: { leaf: { type: "timer", duration: 1 } } });
  });

  it("removes, replaces, copies and pastes the outermost container with everything in it", () => {
    expect(expectOk(removeNodes(draft, ["g1"])).definition).toMatchObject({ start: "", nodes: {} });

    const replaced = expectOk(updateNode(draft, "g1", { type: "group", body: { start: "x", nodes: { x: { type: "end" } } } })).definition;
    expect(graphKeysOf(replaced)).toEqual(["", "g1"]);

    const clipboard = copyNodes(draft, ["g1"]);
    const pasted = expectOk(pasteNodes({ version: 1, start: "", nodes: {} }, clipboard, ""));
    expect(pasted.ids).toEqual(["g1"]);
    expect(locateNode(pasted.definition, "leaf1")?.graph).toBe(innermost);
  });
});
