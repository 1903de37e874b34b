/**
 * The replay corpus (../replay-corpus): histories the real runtime wrote, committed once
 * (`pnpm replay:record`). Each must replay on the current engine exactly as recorded: an engine
 * change that decides otherwise on any of them would take stored instances down another path.
 */
import { readdirSync, readFileSync } from "node:fs";
import { allGraphs, NODE_KINDS, validateDefinition, type Definition } from "@flowcraft/definition";
import { describe, expect, it } from "vitest";
import type { HistoryEvent } from "./history.ts";
import { ENDINGS, replayDivergence, WRITTEN_BY } from "./test-replay.ts";

interface ReplayCase {
  name: string;
  description: string;
  definition: Definition;
  /** The history of each generation, the first one first. */
  generations: HistoryEvent[][];
}

const CORPUS_DIR = new URL("../replay-corpus/", import.meta.url);

function loadCase(file: string): ReplayCase {
  const stored = JSON.parse(readFileSync(new URL(file, CORPUS_DIR), "utf8")) as Omit<ReplayCase, "name" | "definition"> & { definition: unknown };
  const validated = validateDefinition(stored.definition);
  if (!validated.ok) throw new Error(`${file}: the definition is no longer valid: ${JSON.stringify(validated.problems)}`);
  return { ...stored, name: file.slice(0, -".json".length), definition: validated.definition };
}

const CASES = readdirSync(CORPUS_DIR)
  .filter((file) => file.endsWith(".json"))
  .sort()
  .map(loadCase);

describe("the replay corpus", () => {
  it.each(CASES)("$name: replays as recorded", async ({ name, definition, generations }) => {
    for (const [index, history] of generations.entries()) {
      const where = `${name}, generation ${index + 1}`;
      expect(ENDINGS.has(history.at(-1)!.type), `${where} has not ended: the corpus holds finished instances`).toBe(true);
      const divergence = await replayDivergence(definition, history);
      if (divergence) expect.fail(`${where}: ${divergence}`);
    }
  });

  it("holds every node kind, a custom status, and every event and choice the engine writes", () => {
    const nodes = CASES.flatMap((c) => allGraphs(c.definition).flatMap(({ graph }) => Object.values(graph.nodes)));
    expect(new Set(nodes.map((node) => node.type))).toEqual(new Set(NODE_KINDS));
    expect(nodes.some((node) => node.customStatus)).toBe(true);

    const events = CASES.flatMap((c) => c.generations.flat());
    const decidedTypes = Object.entries(WRITTEN_BY).flatMap(([type, by]) => (by === "engine" ? [type] : []));
    for (const type of decidedTypes) expect(events.map((e) => e.type), `no case records ${type}`).toContain(type);
    const choices = new Set(events.flatMap((e) => (e.type === "choice_recorded" ? [e.of] : [])));
    expect(choices).toEqual(new Set(["branch", "items", "output", "state", "check"]));
  });
});
