import type { Definition } from "@flowcraft/definition";
import { describe, expect, it } from "vitest";
import { COALESCE_WINDOW_MS, emptyHistory, recordEdit, redo, undo } from "./history.ts";

const def = (start: string): Definition => ({ version: 1, start, nodes: {} });

describe("edit history", () => {
  it("undoes and redoes edits in order", () => {
    const a = def("a");
    const b = def("b");
    const c = def("c");
    let history = recordEdit(emptyHistory(), a, undefined, 0);
    history = recordEdit(history, b, undefined, 1);
    const back = undo(history, c)!;
    expect(back.definition).toBe(b);
    const back2 = undo(back.history, back.definition)!;
    expect(back2.definition).toBe(a);
    expect(undo(back2.history, back2.definition)).toBeNull();
    const forward = redo(back2.history, back2.definition)!;
    expect(forward.definition).toBe(b);
    expect(redo(forward.history, forward.definition)!.definition).toBe(c);
  });

  it("folds quick edits of the same field into one step, but not edits of different fields", () => {
    const a = def("a");
    let history = recordEdit(emptyHistory(), a, "node1.title", 0);
    history = recordEdit(history, def("a1"), "node1.title", COALESCE_WINDOW_MS / 2);
    expect(history.past).toEqual([a]);
    history = recordEdit(history, def("a2"), "node1.input", COALESCE_WINDOW_MS / 2 + 1);
    expect(history.past).toHaveLength(2);
    history = recordEdit(history, def("a3"), "node1.input", 10 * COALESCE_WINDOW_MS);
    expect(history.past).toHaveLength(3);
  });

  it("drops the redo steps once a new edit is made", () => {
    let history = recordEdit(emptyHistory(), def("a"), undefined, 0);
    const back = undo(history, def("b"))!;
    history = recordEdit(back.history, back.definition, undefined, 5);
    expect(redo(history, def("c"))).toBeNull();
  });
});
