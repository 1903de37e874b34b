/** Definitions shared by the editor tests. */
import { readdirSync, readFileSync } from "node:fs";
import type { Definition } from "../schema.ts";
import { toCanvasModel } from "./canvas-model.ts";
import { indexDefinition } from "./graph-key.ts";
import { referenceAt, sourceHandlesOf } from "./handles.ts";
import { readPositions } from "./positions.ts";

/**
 * Every kind of reference, and a map inside a parallel branch: the deepest nesting edits must
 * handle. Positions cover nodes, a body's start marker and branch frames.
 */
export function nestedDefinition(): Definition {
  return {
    version: 1,
    name: "nested",
    start: "begin",
    nodes: {
      begin: { type: "activity", activity: "http", next: "split", onError: { next: "oops", errors: ["Timeout"] } },
      split: {
        type: "parallel",
        title: "Split",
        branches: [
          {
            start: "fan",
            nodes: {
              fan: {
                type: "map",
                items: "input",
                body: { start: "work", nodes: { work: { type: "activity", activity: "w", next: "done" }, done: { type: "end" } } },
                next: "after",
              },
              after: { type: "end" },
            },
          },
          { start: "pause", nodes: { pause: { type: "timer", duration: 5 } } },
        ],
        next: "check",
      },
      check: {
        type: "decision",
        choices: [
          { when: "input.ok", next: "finish", label: "ok" },
          { when: "input.retry", next: "approve" },
        ],
        default: "oops",
      },
      approve: { type: "wait", event: "approved", timeout: 60, onTimeout: "oops", next: "finish" },
      finish: { type: "end" },
      oops: { type: "fail" },
    },
    ui: {
      viewport: { zoom: 1 },
      positions: {
        begin: { x: 0, y: 0 },
        split: { x: 100, y: 0 },
        "branch:split#0": { x: 5, y: 5 },
        "start:split#0": { x: 1, y: 1 },
        fan: { x: 10, y: 20 },
        "start:fan": { x: 0, y: 0 },
        work: { x: 1, y: 2 },
        "branch:split#1": { x: 6, y: 6 },
        "start:split#1": { x: 7, y: 7 },
        pause: { x: 8, y: 8 },
      },
    },
  };
}

/** The example definitions the server ships, by file name. */
export function exampleDefinitions(): [string, Definition][] {
  const dir = new URL("../../../../apps/server/src/examples/", import.meta.url);
  return readdirSync(dir)
    .filter((file) => file.endsWith(".json"))
    .sort()
    .map((file) => [file, JSON.parse(readFileSync(new URL(file, dir), "utf8")) as Definition]);
}

/** The value, frozen all the way down, so that a test fails if an edit writes into its input. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * What makes a document structurally sound for the designer, as messages (empty when sound):
 * unique ids, references and starts that are empty or name a node of their own graph, positions
 * only for what the canvas draws, and a canvas model whose parents precede their children and
 * whose edges join drawn nodes.
 */
export function soundnessProblems(definition: Definition): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const { key, graph } of indexDefinition(definition).graphs) {
    if (graph.start !== "" && !Object.hasOwn(graph.nodes, graph.start)) problems.push(`graph "${key}" starts at missing "${graph.start}"`);
    for (const [id, node] of Object.entries(graph.nodes)) {
      if (ids.has(id)) problems.push(`duplicate id "${id}"`);
      ids.add(id);
      for (const handle of sourceHandlesOf(node)) {
        const target = referenceAt(node, handle);
        if (target !== undefined && target !== "" && !Object.hasOwn(graph.nodes, target)) problems.push(`${id}.${handle} -> missing "${target}"`);
      }
    }
  }
  const model = toCanvasModel(definition);
  const drawn = new Set<string>();
  for (const node of model.nodes) {
    if (drawn.has(node.id)) problems.push(`canvas node "${node.id}" drawn twice`);
    if (node.parent !== null && !drawn.has(node.parent)) problems.push(`canvas node "${node.id}" comes before its parent "${node.parent}"`);
    drawn.add(node.id);
  }
  const edgeIds = new Set<string>();
  for (const edge of model.edges) {
    if (edgeIds.has(edge.id)) problems.push(`edge "${edge.id}" drawn twice`);
    edgeIds.add(edge.id);
    if (!drawn.has(edge.source) || !drawn.has(edge.target)) problems.push(`edge "${edge.id}" joins undrawn nodes`);
  }
  for (const canvasId of Object.keys(readPositions(definition))) {
    if (!drawn.has(canvasId)) problems.push(`position stored for undrawn "${canvasId}"`);
  }
  return problems;
}

/** The successful result of an edit; throws with the refusal otherwise, so that the test fails with the reason. */
export function expectOk<T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(`edit refused: ${JSON.stringify(result)}`);
  return result as Extract<T, { ok: true }>;
}
