import type { Definition } from "@flowcraft/definition";
import { toCanvasModel } from "@flowcraft/definition/editor";
import { describe, expect, it } from "vitest";
import { flowNodesOf, handleGeometry, withDragged, withRunStates } from "./flow-elements.ts";
import { CONTAINER_PADDING, HANDLE_SIZE, MIN_CONTAINER_SIZE, STEP_SIZE } from "./geometry.ts";

const half = HANDLE_SIZE / 2;

describe("handleGeometry", () => {
  it("centres the target on the top edge and spreads the sources along the bottom edge", () => {
    const handles = handleGeometry("decision", ["choice-0", "default"], { width: 200, height: 64 });
    expect(handles.map(({ id, type, x, y }) => ({ id, type, x, y }))).toEqual([
      { id: "in", type: "target", x: 100 - half, y: -half },
      { id: "choice-0", type: "source", x: 200 / 3 - half, y: 64 - half },
      { id: "default", type: "source", x: 400 / 3 - half, y: 64 - half },
    ]);
  });

  it("gives start markers no target and branch lanes no handles", () => {
    expect(handleGeometry("start", ["start"], { width: 96, height: 36 }).map((h) => h.id)).toEqual(["start"]);
    expect(handleGeometry("branch", [], { width: 300, height: 200 })).toEqual([]);
  });
});

describe("flowNodesOf", () => {
  it("draws nodes stored on top of each other apart, and the start marker where it was", () => {
    const model = toCanvasModel({ version: 1, start: "a", nodes: { a: { type: "end", next: undefined }, b: { type: "end" } } } as unknown as Definition);
    const pile = Object.fromEntries(model.nodes.map((node) => [node.id, { x: 10, y: 10 }]));
    const drawn = flowNodesOf({ model, positions: pile, problems: new Map(), selection: new Set(), describe: (node) => ({ detail: "", handles: node.handles, exitLabels: node.handles.map(() => "") }) }, new Map());
    expect(drawn.find((n) => n.id === "start:")!.position).toEqual({ x: 10, y: 10 });
    const boxes = drawn.map((n) => ({ ...n.position, width: n.width!, height: n.height! }));
    const crossing = boxes.some((a, i) => boxes.some((b, j) => i < j && a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height));
    expect(crossing).toBe(false);
  });
});

describe("withDragged", () => {
  // A step, then a fan-out whose body holds one step.
  const definition = {
    version: 1,
    start: "fetch",
    nodes: {
      fetch: { type: "activity", activity: "http", next: "each" },
      each: { type: "map", items: "[1, 2]", body: { start: "work", nodes: { work: { type: "activity", activity: "transform" } } } },
    },
  } as unknown as Definition;
  const model = toCanvasModel(definition);
  // Apart from each other: the map's start marker at its top left corner, its step below it.
  const below = (y: number) => ({ x: CONTAINER_PADDING.left, y });
  const positions = { "start:": below(0), fetch: below(100), each: below(200), "start:each": below(CONTAINER_PADDING.top), work: below(104) };
  const fitted = { width: MIN_CONTAINER_SIZE.width, height: 104 + STEP_SIZE.height + CONTAINER_PADDING.bottom };
  const placed = flowNodesOf({ model, positions, problems: new Map(), selection: new Set(), describe: (node) => ({ detail: "", handles: node.handles, exitLabels: node.handles.map(() => "") }) }, new Map());
  const byId = (nodes: typeof placed, id: string) => nodes.find((node) => node.id === id)!;

  it("leaves the elements as they are when nothing is dragged", () => {
    expect(withDragged(placed, {})).toBe(placed);
  });

  it("moves the dragged node and grows its container to hold it, leaving every other node untouched", () => {
    const dragged = withDragged(placed, { work: { x: 400, y: 300 } });
    expect(byId(dragged, "work").position).toEqual({ x: 400, y: 300 });
    const size = { width: 400 + STEP_SIZE.width + CONTAINER_PADDING.right, height: 300 + STEP_SIZE.height + CONTAINER_PADDING.bottom };
    expect(byId(dragged, "each")).toMatchObject(size);
    // The container's handles move with its bottom edge.
    expect(byId(dragged, "each").handles!.find((h) => h.id === "next")!.y).toBe(size.height - HANDLE_SIZE / 2);
    expect(byId(dragged, "fetch")).toBe(byId(placed, "fetch"));
  });

  it("keeps a container's size while its child moves inside it", () => {
    const dragged = withDragged(placed, { work: { x: 30, y: 104 } });
    expect(byId(dragged, "each")).toBe(byId(placed, "each"));
    expect(byId(dragged, "each")).toMatchObject(fitted);
  });
});

describe("withRunStates", () => {
  const definition = { version: 1, start: "a", nodes: { a: { type: "activity", activity: "transform", next: "b" }, b: { type: "end" } } } as unknown as Definition;
  const model = toCanvasModel(definition);
  const positions = Object.fromEntries(model.nodes.map((node) => [node.id, { x: 0, y: 0 }]));
  const placed = flowNodesOf({ model, positions, problems: new Map(), selection: new Set(), describe: (node) => ({ detail: "", handles: node.handles, exitLabels: node.handles.map(() => "") }) }, new Map());

  it("marks each node that has a state in the run, and leaves the others (and the list without a run) as they are", () => {
    expect(withRunStates(placed, null)).toBe(placed);
    const marked = withRunStates(placed, new Map([["a", "completed"]]));
    const a = marked.find((node) => node.data.nodeId === "a")!;
    expect(a.domAttributes).toMatchObject({ "data-run-state": "completed" });
    expect(marked.find((node) => node.data.nodeId === "b")).toBe(placed.find((node) => node.data.nodeId === "b"));
    expect(placed.find((node) => node.data.nodeId === "a")!.domAttributes).toBeUndefined();
  });
});
