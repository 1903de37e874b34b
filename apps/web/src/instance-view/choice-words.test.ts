import { describe, expect, it } from "vitest";
import { choiceWords } from "./choice-words.ts";

const at = "2026-01-01T00:00:00.000Z";

describe("choice words", () => {
  it("name the branch taken, the expression and the value that decided it", () => {
    expect(choiceWords({ of: "branch", choice: 1, next: "approve", value: true, expression: "input.amount > 1000", at })).toBe(
      "went to approve: choice 2, input.amount > 1000, yielded true",
    );
    expect(choiceWords({ of: "branch", choice: null, next: "small", at })).toBe("went to small by default: no choice held");
    expect(choiceWords({ of: "branch", choice: null, next: null, at })).toBe("no choice held and there is no default, so the step failed");
  });

  it("count a map's items and quote a monitor's state, shortening long values", () => {
    expect(choiceWords({ of: "items", items: [1, 2, 3], expression: "input.orders", at })).toBe("listed 3 items from input.orders");
    expect(choiceWords({ of: "check", iteration: 4, nextState: { up: true }, stop: true, at })).toBe('check 4 stopped the monitor with state {"up":true}');
    expect(choiceWords({ of: "state", state: "x".repeat(500), at })).toMatch(/^began with state "x{119}…$/);
  });
});
