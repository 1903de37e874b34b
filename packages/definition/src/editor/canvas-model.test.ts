import { describe, expect, it } from "vitest";
import { allGraphs, edgesOf } from "../graph.ts";
import type { Definition, Node } from "../schema.ts";
import { toCanvasModel } from "./canvas-model.ts";
import { createNode } from "./create-node.ts";
import { sourceHandlesOf } from "./handles.ts";
import { exampleDefinitions, nestedDefinition, soundnessProblems } from "./test-fixtures.ts";

/** The handle each reference field of graph.ts is drawn from. */
function handleOfField(field: string): string {
  const choice = /^choices\.(\d+)\.next$/.exec(field);
  if (choice) return `choice-${choice[1]}`;
  return ({ next: "next", "onError.next": "error", onTimeout: "timeout", default: "default" } as Record<string, string>)[field]!;
}

/** Every reference of a (valid) definition as "<source>:<handle>-><target>", found with graph.ts rather than the editor. */
function referencesOf(definition: Definition): string[] {
  const found: string[] = [];
  for (const { graph, parentNodeId, path } of allGraphs(definition)) {
    const branch = /\.branches\.(\d+)$/.exec(path);
    const key = parentNodeId === null ? "" : branch ? `${parentNodeId}#${branch[1]}` : parentNodeId;
    found.push(`start:${key}:start->${graph.start}`);
    for (const [id, node] of Object.entries(graph.nodes)) {
      for (const edge of edgesOf(node)) found.push(`${id}:${handleOfField(edge.field)}->${edge.target}`);
    }
  }
  return found.sort();
}

const drawnEdges = (definition: Definition) => toCanvasModel(definition).edges.map((edge) => `${edge.id}->${edge.target}`).sort();

describe("toCanvasModel", () => {
  it.each(exampleDefinitions())("draws every reference of %s as exactly one edge, parents first", (_file, definition) => {
    expect(drawnEdges(definition)).toEqual(referencesOf(definition));
    expect(soundnessProblems(definition)).toEqual([]);
    const model = toCanvasModel(definition);
    const nodeCount = allGraphs(definition).reduce((sum, { graph }) => sum + Object.keys(graph.nodes).length, 0);
    expect(model.nodes.filter((node) => node.kind !== "start" && node.kind !== "branch")).toHaveLength(nodeCount);
  });

  it("draws nested graphs inside their containers, with branch frames, start markers and stored positions", () => {
    const definition = nestedDefinition();
    expect(drawnEdges(definition)).toEqual(referencesOf(definition));
    const model = toCanvasModel(definition);
    const summary = model.nodes.map(({ id, kind, graph, parent, contains }) => [id, kind, graph, parent, contains]);
    expect(summary).toEqual([
      ["start:", "start", "", null, null],
      ["begin", "activity", "", null, null],
      ["split", "parallel", "", null, null],
      ["check", "decision", "", null, null],
      ["approve", "wait", "", null, null],
      ["finish", "end", "", null, null],
      ["oops", "fail", "", null, null],
      ["branch:split#0", "branch", "", "split", "split#0"],
      ["start:split#0", "start", "split#0", "branch:split#0", null],
      ["fan", "map", "split#0", "branch:split#0", "fan"],
      ["after", "end", "split#0", "branch:split#0", null],
      ["start:fan", "start", "fan", "fan", null],
      ["work", "activity", "fan", "fan", null],
      ["done", "end", "fan", "fan", null],
      ["branch:split#1", "branch", "", "split", "split#1"],
      ["start:split#1", "start", "split#1", "branch:split#1", null],
      ["pause", "timer", "split#1", "branch:split#1", null],
    ]);
    const byId = new Map(model.nodes.map((node) => [node.id, node]));
    expect(byId.get("fan")?.position).toEqual({ x: 10, y: 20 });
    expect(byId.get("after")?.position).toBeNull();
    expect([byId.get("split")?.title, byId.get("begin")?.title, byId.get("start:fan")?.title, byId.get("branch:split#1")?.title]).toEqual([
      "Split",
      "begin",
      "Start",
      "Branch 2",
    ]);
    expect(byId.get("check")?.handles).toEqual(["choice-0", "choice-1", "default", "error"]);
    expect(byId.get("start:")?.handles).toEqual(["start"]);
  });

  it("labels decision edges by choice label, else condition, and the default as default", () => {
    const labels = toCanvasModel(nestedDefinition()).edges.filter((edge) => edge.label !== undefined).map((edge) => [edge.id, edge.label]);
    expect(labels).toEqual([
      ["check:choice-0", "ok"],
      ["check:choice-1", "input.retry"],
      ["check:default", "default"],
    ]);
  });

  it("copes with drafts: empty graphs, empty and dangling references, a repeated id", () => {
    const draft: Definition = {
      version: 1,
      start: "",
      nodes: {
        a: { type: "activity", activity: "", next: "ghost" },
        m: { type: "map", items: "input", body: { start: "", nodes: {} } },
        d: { type: "decision", choices: [{ when: "true", next: "" }], default: "a" },
        g: { type: "group", body: { start: "a", nodes: { a: { type: "end" } } } },
      },
      ui: { positions: "not an object" },
    };
    const model = toCanvasModel(draft);
    expect(model.edges.map((edge) => edge.id)).toEqual(["d:default"]);
    expect(model.nodes.map((node) => node.id)).toEqual(["start:", "a", "m", "d", "g", "start:m", "start:g"]);
  });
});

describe("sourceHandlesOf", () => {
  it.each<[Node, string[]]>([
    [createNode("activity"), ["next", "error"]],
    [createNode("parallel"), ["next", "error"]],
    [createNode("map"), ["next", "error"]],
    [createNode("group"), ["next", "error"]],
    [createNode("monitor"), ["next", "error"]],
    [createNode("timer"), ["next", "error"]],
    [createNode("wait"), ["next", "error", "timeout"]],
    [{ type: "decision", choices: [{ when: "a", next: "" }, { when: "b", next: "" }] }, ["choice-0", "choice-1", "default", "error"]],
    [createNode("end"), []],
    [createNode("fail"), []],
  ])("%j offers %j", (node, handles) => {
    expect(sourceHandlesOf(node)).toEqual(handles);
  });
});
