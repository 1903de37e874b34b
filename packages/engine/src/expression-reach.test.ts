import { describe, expect, it } from "vitest";
import { evaluate } from "./expression.ts";
import { contextFor } from "./expression-reach.ts";

const context = {
  input: { order: { id: 7, lines: [{ sku: "a", qty: 2 }, { sku: "b", qty: 1 }] }, n: 3 },
  steps: { fetch: { body: { items: [1, 2, 3] } }, check: true, big: "x".repeat(10_000) },
  item: { id: "i-1", qty: 4 },
  index: 2,
  state: { seen: 5 },
  iteration: 1,
  error: undefined,
};

describe("the context an expression is sent", () => {
  it.each([
    ["$string(item.id)", ["item"]],
    ["$count(steps.fetch.body.items) + index", ["steps", "index"], ["fetch"]],
    ["$sum(input.order.lines.qty)", ["input"]],
    ["$keys(steps)", ["steps"], ["fetch", "check", "big"]],
    ["$count(steps.*)", ["steps"], ["fetch", "check", "big"]],
    ["$map(input.order.lines, function($l){ $l.qty * state.seen })", ["input", "state"]],
    ["$eval('steps.check')", ["input", "steps", "item", "index", "state", "iteration"]],
  ])("for %s holds %j", (expression, keys, stepIds?: string[]) => {
    const reached = contextFor(expression, context);
    expect(Object.keys(reached)).toEqual(keys);
    if (stepIds) expect(Object.keys(reached.steps as object)).toEqual(stepIds);
  });

  it.each([
    "$string(item.id)",
    "$count(steps.fetch.body.items) + index",
    "$keys(steps)",
    "$count(steps.*)",
    "$map(input.order.lines, function($l){ $l.qty * state.seen })",
    "$eval('steps.check')",
    "$sum(input.order.lines[sku = 'a'].qty)",
    "($f := function($x){ $x.qty }; $f(item) + $f(input.order.lines[0]))",
    "$lookup(steps, 'check')",
    "$each(state, function($v, $k){ $k & '=' & $v })",
    "input.order.lines.(qty * $$.state.seen)",
    "$exists(error)",
    "$string(steps.`fetch`.body)",
  ])("gives %s the same value as the whole context", async (expression) => {
    expect(await evaluate(expression, contextFor(expression, context))).toEqual(await evaluate(expression, context));
  });
});
