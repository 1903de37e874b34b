import type { Definition } from "@flowcraft/definition";
import { toCanvasModel } from "@flowcraft/definition/editor";
import { describe, expect, it } from "vitest";
import { STEP_SIZE } from "./geometry.ts";
import { FOLLOWER_GAP, placeFresh } from "./placement.ts";

const definition = {
  version: 1,
  start: "a",
  nodes: { a: { type: "activity", activity: "x", next: "b" }, b: { type: "activity", activity: "x", next: "c" }, c: { type: "end" }, lone: { type: "end" } },
} as unknown as Definition;
const model = toCanvasModel(definition);

describe("placeFresh", () => {
  it("puts new steps under the step they follow, one under the other, and a lone one where the layout says", () => {
    const shown = { "start:": { x: 0, y: 0 }, a: { x: 500, y: 300 } };
    const laidOut = { b: { x: 1, y: 1 }, c: { x: 2, y: 2 }, lone: { x: 900, y: 40 } };
    const placed = placeFresh(model, shown, laidOut, ["b", "c", "lone"]);
    const step = STEP_SIZE.height + FOLLOWER_GAP;
    expect(placed).toEqual({ b: { x: 500, y: 300 + step }, c: { x: 500, y: 300 + 2 * step }, lone: { x: 900, y: 40 } });
  });

  it("puts a step that leaves by another exit under that exit", () => {
    const decision = toCanvasModel({
      version: 1,
      start: "d",
      nodes: { d: { type: "decision", choices: [{ when: "true", next: "yes" }], default: "no" }, yes: { type: "end" }, no: { type: "end" } },
    } as unknown as Definition);
    const handles = decision.nodes.find((n) => n.id === "d")!.handles;
    const placed = placeFresh(decision, { d: { x: 0, y: 0 } }, {}, ["yes", "no"]);
    const under = (handle: string) => (STEP_SIZE.width * (handles.indexOf(handle) + 1)) / (handles.length + 1) - STEP_SIZE.width / 2;
    expect(placed.yes).toEqual({ x: Math.round(under("choice-0")), y: STEP_SIZE.height + FOLLOWER_GAP });
    expect(placed.no!.x).toBe(Math.round(under("default")));
  });
});
