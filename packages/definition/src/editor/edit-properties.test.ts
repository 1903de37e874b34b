import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NODE_KINDS, type Definition, type NodeKind } from "../schema.ts";
import { addBranch, removeBranch } from "./branch-edits.ts";
import { copyNodes, pasteNodes } from "./clipboard.ts";
import { toCanvasModel } from "./canvas-model.ts";
import { addChoice, connect, disconnect, removeChoice } from "./connection-edits.ts";
import type { EditResult } from "./edit-result.ts";
import { graphKeysOf, locateNode } from "./graph-key.ts";
import { addNode, updateNode } from "./node-edits.ts";
import { setPositions } from "./positions.ts";
import { removeNodes } from "./remove-nodes.ts";
import { renameNode } from "./rename-node.ts";
import { deepFreeze, nestedDefinition, soundnessProblems } from "./test-fixtures.ts";

/**
 * An edit in terms of the canvas the user sees: numbers pick among what is drawn at that moment,
 * so that every generated sequence stays meaningful however earlier edits changed the document.
 */
type Command =
  | { op: "add"; kind: NodeKind; graph: number }
  | { op: "connect"; source: number; handle: number; target: number; sameGraph: boolean }
  | { op: "disconnect"; edge: number }
  | { op: "remove"; picks: number[] }
  | { op: "rename"; node: number; name: string }
  | { op: "retitle"; node: number; title: string }
  | { op: "choice"; node: number; remove: number | null }
  | { op: "branch"; node: number; remove: number | null }
  | { op: "paste"; picks: number[]; graph: number }
  | { op: "move"; node: number; x: number; y: number };

const pick = fc.nat({ max: 40 });
const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ op: fc.constant("add" as const), kind: fc.constantFrom(...NODE_KINDS), graph: pick }),
  fc.record({ op: fc.constant("connect" as const), source: pick, handle: pick, target: pick, sameGraph: fc.boolean() }),
  fc.record({ op: fc.constant("disconnect" as const), edge: pick }),
  fc.record({ op: fc.constant("remove" as const), picks: fc.array(pick, { maxLength: 3 }) }),
  fc.record({ op: fc.constant("rename" as const), node: pick, name: fc.constantFrom("x", "begin", "fan1", "bad-id", "constructor", "work") }),
  fc.record({ op: fc.constant("retitle" as const), node: pick, title: fc.string({ maxLength: 5 }) }),
  fc.record({ op: fc.constant("choice" as const), node: pick, remove: fc.option(fc.nat({ max: 2 })) }),
  fc.record({ op: fc.constant("branch" as const), node: pick, remove: fc.option(fc.nat({ max: 2 })) }),
  fc.record({ op: fc.constant("paste" as const), picks: fc.array(pick, { maxLength: 3 }), graph: pick }),
  fc.record({ op: fc.constant("move" as const), node: pick, x: fc.integer(), y: fc.integer() }),
);

function run(definition: Definition, cmd: Command): EditResult {
  const model = toCanvasModel(definition);
  const at = <T,>(list: T[], i: number): T | undefined => list[i % Math.max(1, list.length)];
  const canvasId = (i: number) => at(model.nodes, i)?.id ?? "";
  const ofKind = (kind: string, i: number) => at(model.nodes.filter((node) => node.kind === kind), i)?.id ?? canvasId(i);
  const graph = (i: number) => at(graphKeysOf(definition), i) ?? "";
  switch (cmd.op) {
    case "add":
      return addNode(definition, cmd.kind, graph(cmd.graph), { x: cmd.graph, y: 0 });
    case "connect": {
      // Mostly edits the user can make (a handle the source has, a target in its graph), sometimes any pair, to be refused.
      const source = at(model.nodes.filter((node) => node.handles.length > 0), cmd.source);
      if (!source) return connect(definition, canvasId(cmd.source), "next", canvasId(cmd.target));
      const targets = cmd.sameGraph ? model.nodes.filter((node) => node.graph === source.graph && node.kind !== "start" && node.kind !== "branch") : model.nodes;
      return connect(definition, source.id, at(source.handles, cmd.handle) ?? "next", at(targets, cmd.target)?.id ?? "");
    }
    case "disconnect":
      return disconnect(definition, at(model.edges, cmd.edge)?.id ?? "none:next");
    case "remove":
      return removeNodes(definition, cmd.picks.map(canvasId));
    case "rename":
      return renameNode(definition, canvasId(cmd.node), cmd.name);
    case "retitle": {
      const located = locateNode(definition, canvasId(cmd.node));
      return located ? updateNode(definition, canvasId(cmd.node), { ...located.node, title: cmd.title }) : { ok: false, error: "not a node" };
    }
    case "choice":
      return cmd.remove === null ? addChoice(definition, ofKind("decision", cmd.node)) : removeChoice(definition, ofKind("decision", cmd.node), cmd.remove);
    case "branch":
      return cmd.remove === null ? addBranch(definition, ofKind("parallel", cmd.node)) : removeBranch(definition, ofKind("parallel", cmd.node), cmd.remove);
    case "paste":
      return pasteNodes(definition, copyNodes(definition, cmd.picks.map(canvasId)), graph(cmd.graph), { x: 10, y: 10 });
    case "move":
      return setPositions(definition, { [canvasId(cmd.node)]: { x: cmd.x, y: cmd.y } });
  }
}

const emptyDraft: Definition = { version: 1, start: "", nodes: {} };

describe("edits", () => {
  it("keep every document structurally sound, whatever their sequence", () => {
    fc.assert(
      fc.property(fc.boolean(), fc.array(command, { maxLength: 40, size: "medium" }), (fromEmpty, commands) => {
        let definition = deepFreeze(fromEmpty ? emptyDraft : nestedDefinition());
        for (const cmd of commands) {
          const result = run(definition, cmd);
          if (!result.ok) {
            expect(result.error).not.toBe("");
            continue;
          }
          expect(soundnessProblems(result.definition)).toEqual([]);
          definition = deepFreeze(result.definition);
        }
      }),
      { numRuns: 300 },
    );
  });

  const edits: [string, (definition: Definition) => unknown][] = [
    ["toCanvasModel", (d) => toCanvasModel(d)],
    ["addNode into a map body", (d) => addNode(d, "activity", "fan", { x: 1, y: 1 })],
    ["updateNode", (d) => updateNode(d, "work", { type: "end" })],
    ["updateNode dropping nested positions", (d) => updateNode(d, "split", { type: "end" })],
    ["removeNodes", (d) => removeNodes(d, ["fan", "oops", "begin"])],
    ["renameNode", (d) => renameNode(d, "split", "fork")],
    ["connect", (d) => connect(d, "work", "error", "done")],
    ["connect a start marker", (d) => connect(d, "start:fan", "start", "done")],
    ["disconnect", (d) => disconnect(d, "check:choice-0")],
    ["disconnect a start edge", (d) => disconnect(d, "start:split#0:start")],
    ["addChoice", (d) => addChoice(d, "check")],
    ["removeChoice", (d) => removeChoice(d, "check", 0)],
    ["addBranch", (d) => addBranch(d, "split")],
    ["removeBranch", (d) => removeBranch(d, "split", 0)],
    ["setPositions", (d) => setPositions(d, { fan: { x: 0, y: 0 } })],
    ["copyNodes and pasteNodes", (d) => pasteNodes(d, copyNodes(d, ["split", "begin"]), "fan", { x: 1, y: 1 })],
  ];

  it.each(edits)("%s does not mutate its input", (_name, edit) => {
    const input = deepFreeze(nestedDefinition());
    expect(() => edit(input)).not.toThrow();
    expect(input).toEqual(nestedDefinition());
  });
});
