/**
 * Random workflows for property tests: small graphs of activities, sub-workflows, decisions,
 * parallels, maps, waits, timers and ends, nested at most twice, always valid. Decisions and inputs read the
 * values in scope (the input, a map's item, an earlier step's output), so that different
 * results take different paths.
 */
import type { Definition, Graph, Node } from "@flowcraft/definition";
import fc from "fast-check";
import { definition } from "./test-simulation.ts";

/** The shape of one step; a Builder turns a chain of them into nodes. */
type Step =
  | { kind: "activity"; retry: boolean; customStatus: boolean; onError: Step[] | null }
  | { kind: "subworkflow"; retry: boolean; wait: boolean; onError: Step[] | null }
  | { kind: "timer" }
  | { kind: "wait"; timeout: "none" | "fails" | Step[] }
  | { kind: "decision"; choices: Step[][]; otherwise: Step[] | null }
  | { kind: "parallel"; branches: Step[][] }
  | { kind: "map"; items: number; maxConcurrency: number | null; body: Step[] }
  | { kind: "end"; output: boolean };

const chainOf = (step: fc.Arbitrary<Step>, maxLength: number) => fc.array(step, { minLength: 1, maxLength });

/** Mostly plain activities; an end, which cuts its chain short, seldom. */
const steps = fc.letrec<{ step: Step; chain: Step[] }>((tie) => ({
  chain: chainOf(tie("step"), 3),
  step: fc.oneof(
    { maxDepth: 2, depthIdentifier: "nesting" },
    { weight: 4, arbitrary: fc.record({ kind: fc.constant("activity" as const), retry: fc.boolean(), customStatus: fc.boolean(), onError: fc.constant(null) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("subworkflow" as const), retry: fc.boolean(), wait: fc.boolean(), onError: fc.option(tie("chain"), { nil: null }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("timer" as const) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("wait" as const), timeout: fc.constantFrom<"none" | "fails">("none", "fails") }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("end" as const), output: fc.boolean() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("activity" as const), retry: fc.boolean(), customStatus: fc.boolean(), onError: tie("chain") }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("wait" as const), timeout: tie("chain") }) },
    {
      weight: 2,
      arbitrary: fc.record({ kind: fc.constant("decision" as const), choices: fc.array(tie("chain"), { minLength: 1, maxLength: 2 }), otherwise: fc.option(tie("chain"), { nil: null }) }),
    },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant("parallel" as const), branches: fc.array(tie("chain"), { minLength: 1, maxLength: 3 }) }) },
    {
      weight: 2,
      arbitrary: fc.record({ kind: fc.constant("map" as const), items: fc.nat(3), maxConcurrency: fc.option(fc.integer({ min: 1, max: 2 }), { nil: null }), body: tie("chain") }),
    },
  ),
}));

/**
 * A random valid workflow; its input is a number, which its first decisions may read. Its waits
 * each wait for an event of their own, or all for the same one, so that they compete for it.
 */
export function randomWorkflow(events: "own" | "shared"): fc.Arbitrary<Definition> {
  return chainOf(steps.step, 5).map((chain) => definition({ version: 1, ...new Builder(events).graph(chain, "input") }));
}

/** Whether a step can lead to the one after it. */
function goesOn(step: Step): boolean {
  if (step.kind === "end") return false;
  if (step.kind === "decision") return [...step.choices, ...(step.otherwise ? [step.otherwise] : [])].some((chain) => chain.every(goesOn));
  return true;
}

class Builder {
  private count = 0;

  constructor(private readonly events: "own" | "shared") {}

  /** A graph of its own (a parallel's branch, a map's body). */
  graph(chain: Step[], value: string): Graph {
    const nodes: Record<string, Node> = {};
    const start = this.chain(chain, value, nodes, undefined);
    return { start, nodes };
  }

  /**
   * Adds a chain's nodes, joined to `next` at its end, and returns the id of its first. `value`
   * is an expression of the latest value in scope. Steps after one that never goes on (an end,
   * a decision whose every branch ends) could never run, and are left out.
   */
  private chain(chain: Step[], value: string, nodes: Record<string, Node>, next: string | undefined): string {
    const last = chain.findIndex((step) => !goesOn(step));
    const reachable = last === -1 ? chain : chain.slice(0, last + 1);
    const ids = reachable.map((step) => `${step.kind}${++this.count}`);
    let scoped = value;
    reachable.forEach((step, i) => {
      const id = ids[i]!;
      const after = ids[i + 1] ?? next;
      nodes[id] = this.node(step, id, scoped, nodes, after);
      if (step.kind === "activity" || step.kind === "subworkflow" || step.kind === "wait") scoped = `steps.${id}`;
    });
    return ids[0]!;
  }

  private node(step: Step, id: string, value: string, nodes: Record<string, Node>, next: string | undefined): Node {
    const flow = next ? { next } : {};
    switch (step.kind) {
      case "activity":
        return {
          type: "activity",
          activity: "work",
          input: `{'node': '${id}', 'value': ${value}}`,
          ...(step.retry ? { retry: { maxAttempts: 2, firstInterval: 1 } } : {}),
          ...(step.customStatus ? { customStatus: `'${id} gave ' & $string(steps.${id})` } : {}),
          ...(step.onError ? { onError: { next: this.chain(step.onError, value, nodes, next) } } : {}),
          ...flow,
        };
      case "subworkflow":
        return {
          type: "subworkflow",
          workflow: "child",
          input: `{'node': '${id}', 'value': ${value}}`,
          ...(step.retry ? { retry: { maxAttempts: 2, firstInterval: 1 } } : {}),
          ...(step.wait ? {} : { wait: false }),
          ...(step.onError ? { onError: { next: this.chain(step.onError, value, nodes, next) } } : {}),
          ...flow,
        };
      case "timer":
        return { type: "timer", duration: 5, ...flow };
      case "wait": {
        const timeout = step.timeout === "none" ? {} : step.timeout === "fails" ? { timeout: 60 } : { timeout: 60, onTimeout: this.chain(step.timeout, value, nodes, next) };
        return { type: "wait", event: this.events === "own" ? `ev_${id}` : "ev", ...timeout, ...flow };
      }
      case "decision": {
        const choices = step.choices.map((chain, i) => ({ when: `${value} % ${step.choices.length + 1} = ${i}`, next: this.chain(chain, value, nodes, next) }));
        const otherwise = step.otherwise ? this.chain(step.otherwise, value, nodes, next) : undefined;
        return { type: "decision", choices, ...(otherwise ? { default: otherwise } : {}) };
      }
      case "parallel":
        return { type: "parallel", branches: step.branches.map((chain) => this.graph(chain, value)), ...flow };
      case "map":
        return {
          type: "map",
          items: step.items === 0 ? "[]" : `[1..${step.items}]`,
          ...(step.maxConcurrency ? { maxConcurrency: step.maxConcurrency } : {}),
          body: this.graph(step.body, "item"),
          ...flow,
        };
      case "end":
        return { type: "end", ...(step.output ? { output: `{'end': '${id}', 'value': ${value}}` } : {}) };
    }
  }
}
