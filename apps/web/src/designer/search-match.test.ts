import { describe, expect, it } from "vitest";
import { matchItems, type SearchItem } from "./search-match.ts";

const items: SearchItem[] = [
  { id: "1", label: "Auto layout", group: "Command" },
  { id: "2", label: "Add Timer", group: "Step" },
  { id: "3", label: "Add activity multiply_by_two", group: "Activity" },
  { id: "4", label: "Fit view", group: "Command" },
  { id: "5", label: "Add Fan-out: map", group: "Step" },
];

describe("matchItems", () => {
  it.each<[string, string[]]>([
    ["", ["1", "2", "3", "4", "5"]],
    ["layout", ["1"]],
    ["  TIMER ", ["2"]],
    ["two", ["3"]],
    // Every word must occur, in the label or the group.
    ["add step", ["2", "5"]],
    ["activity multiply", ["3"]],
    // Labels starting with the query first, then those with a word starting with it.
    ["a", ["1", "2", "3", "5", "4"]],
    ["map", ["5"]],
    ["nothing like it", []],
  ])("%j finds %j", (query, ids) => {
    expect(matchItems(items, query).map((item) => item.id)).toEqual(ids);
  });
});
