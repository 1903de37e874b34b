import { describe, expect, it } from "vitest";
import type { Definition } from "../schema.ts";
import { readPositions, setPositions, UiPositionsSchema } from "./positions.ts";

const bare: Definition = { version: 1, start: "a", nodes: { a: { type: "end" } } };

describe("positions", () => {
  it.each([
    ["no ui section", undefined, {}],
    ["positions that are not an object", { positions: [1, 2] }, {}],
    ["malformed entries", { positions: { a: { x: 1, y: 2 }, b: { x: "1", y: 2 }, c: null, d: { x: 3, y: 4, z: 5 } } }, { a: { x: 1, y: 2 }, d: { x: 3, y: 4 } }],
  ])("reads %s defensively", (_name, ui, expected) => {
    const definition: Definition = ui === undefined ? bare : { ...bare, ui };
    expect(readPositions(definition)).toEqual(expected);
    expect(UiPositionsSchema.safeParse(readPositions(definition)).success).toBe(true);
  });

  it("merges written positions and keeps the rest of the ui section", () => {
    const definition: Definition = { ...bare, ui: { viewport: { zoom: 2 }, positions: { a: { x: 1, y: 1 }, "start:": { x: 0, y: 0 } } } };
    const result = setPositions(definition, { a: { x: 5, y: 6 }, "branch:p#0": { x: 7, y: 8 } });
    expect(result.ok && result.definition.ui).toEqual({
      viewport: { zoom: 2 },
      positions: { a: { x: 5, y: 6 }, "start:": { x: 0, y: 0 }, "branch:p#0": { x: 7, y: 8 } },
    });
  });

  it("adds a ui section when there is none", () => {
    const result = setPositions(bare, { a: { x: 1, y: 2 } });
    expect(result.ok && result.definition.ui).toEqual({ positions: { a: { x: 1, y: 2 } } });
  });

  it("refuses positions that are not finite numbers", () => {
    expect(setPositions(bare, { a: { x: Number.NaN, y: 0 } })).toEqual({ ok: false, error: 'position of "a" must be two finite numbers' });
  });
});
