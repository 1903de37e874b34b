import { expect, it } from "vitest";
import { inJsonbKeyOrder } from "./json.ts";

it("orders object keys as Postgres jsonb does: shorter first, then by code unit, at every depth", () => {
  const ordered = inJsonbKeyOrder({ bb: 1, a: 2, ccc: { zz: [{ y: 1, x: 2 }], y: null }, B: true });
  expect(JSON.stringify(ordered)).toBe('{"B":true,"a":2,"bb":1,"ccc":{"y":null,"zz":[{"x":2,"y":1}]}}');
});
