import { describe, expect, it } from "vitest";
import { isPlainLookup } from "./expression-shape.ts";

describe("plain lookups", () => {
  it.each([
    ["input.order.id"],
    ["steps.fetch.body.items[0].sku"],
    ["item"],
    ["$$.input.x"],
    ["{'id': input.id, 'lines': [1..20]}"],
    ["input.total > 100 and input.vip ? 'fast' : 'normal'"],
    ["input.first & ' ' & input.last"],
    ["input.*.price"],
    ["(input.x)"],
  ])("%s is one, and runs in the deciding process", (expression) => {
    expect(isPlainLookup(expression)).toBe(true);
  });

  it.each([
    ["a function call", "$count(input.items)"],
    ["a filter", "input.items[price > 10]"],
    ["a lambda", "function($x){ $x }"],
    ["a regex", "/a+/"],
    ["a range over data", "[1..input.n]"],
    ["a large literal range", "[1..100000]"],
    ["a constructor as a later path step, which runs once per item before it", "input.items.[$$.input.items]"],
    ["a range as a later path step", "[0..9999].[0..9999]"],
    ["a variable binding", "($a := input; $a)"],
    ["a sort", "input.items^(price)"],
    ["a descendant step", "input.**"],
    ["an expression that does not parse", "input.("],
  ])("%s is not, and runs in the sandbox", (_case, expression) => {
    expect(isPlainLookup(expression)).toBe(false);
  });
});
