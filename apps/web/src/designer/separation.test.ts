import { describe, expect, it } from "vitest";
import { separate, SEPARATION_GAP, type Placed } from "./separation.ts";

const box = (id: string, x: number, y: number, pinned = false): Placed => ({ id, x, y, width: 100, height: 50, pinned });
const crossing = (boxes: Placed[]) => boxes.some((a, i) => boxes.some((b, j) => i < j && a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height));

describe("separate", () => {
  it("leaves boxes that are apart where they are", () => {
    expect(separate([box("a", 0, 0), box("b", 200, 0), box("c", 0, 100)])).toEqual(new Map());
  });

  it("moves a box that overlaps one above it below that one, and a pinned start marker never moves", () => {
    const moved = separate([box("map", 10, 10), box("start", 0, 0, true)]);
    expect(moved).toEqual(new Map([["map", { x: 10, y: 50 + SEPARATION_GAP }]]));
  });

  it("pushes a neighbour that a wider box now covers to its right, the shorter way out", () => {
    const grown = { ...box("branch1", 0, 0), width: 300, height: 400 };
    const moved = separate([grown, { ...box("branch2", 250, 0), height: 400 }]);
    expect(moved).toEqual(new Map([["branch2", { x: 300 + SEPARATION_GAP, y: 0 }]]));
  });

  it("leaves no two boxes overlapping, however they were piled up", () => {
    const piled = Array.from({ length: 30 }, (_, i) => box(`n${i}`, (i * 37) % 150, (i * 13) % 60, i === 7));
    const moved = separate(piled);
    expect(crossing(piled.map((b) => ({ ...b, ...moved.get(b.id) })))).toBe(false);
    expect(moved.has("n7")).toBe(false);
  });
});
