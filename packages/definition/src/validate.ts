/** Validation of a definition: every problem at once, each addressed by node and field. */
import { expressionsOf, checkExpression } from "./expressions.ts";
import { allGraphs, edgesOf, type LocatedGraph } from "./graph.ts";
import { MAX_DECISION_CHOICES, MAX_DEFINITION_BYTES, MAX_NODES } from "./limits.ts";
import { problemAt, type Problem } from "./problems.ts";
import { DEFAULT_ACTIVITY_TIMEOUT_SECONDS, DefinitionSchema, type Definition, type SubworkflowNode } from "./schema.ts";
import { BUILT_IN_ACTIVITIES } from "./built-ins.ts";
import { salvageDefinition, withoutReported } from "./salvage.ts";
import { checkStructure } from "./structure.ts";
import type { z } from "zod";

export interface ValidateOptions {
  /**
   * Activity names the workers know. When given (at publish time), an activity step naming
   * anything else is a problem; built-in activities are always known.
   */
  activities?: Iterable<string>;
  /**
   * Published workflows and their versions. When given (at publish time), a sub-workflow step
   * naming any other workflow or version is a problem. `self` is the workflow being published: a
   * step may name it (recursion, bounded at run time), even before its first version exists.
   */
  workflows?: { versions: ReadonlyMap<string, ReadonlySet<number>>; self: string };
}

export type ValidationResult = { ok: true; definition: Definition } | { ok: false; problems: Problem[] };

/** Checks a parsed JSON value and returns the typed definition, or every problem found. */
export function validateDefinition(input: unknown, options: ValidateOptions = {}): ValidationResult {
  const shape = readShape(input);
  if (shape.stop) return { ok: false, problems: [...shape.problems, ...shape.limits] };
  const { parsed, lostKeys, limits } = shape;
  if (parsed.success) {
    // zod dropped any lost key without a word: the parsed definition lacks them.
    const problems = [...lostKeys, ...checkSemantics(parsed.data, options), ...limits];
    return problems.length > 0 ? { ok: false, problems } : { ok: true, definition: parsed.data };
  }
  // The graph checks still run on what could be read, so one bad field hides nothing else.
  const schemaProblems = schemaProblemsOf(parsed.error.issues, lostKeys);
  const salvaged = salvageDefinition(input);
  const graphProblems = salvaged ? checkSemantics(salvaged, options) : [];
  const reported = [...lostKeys, ...schemaProblems].map((problem) => problem.path);
  return { ok: false, problems: [...lostKeys, ...schemaProblems, ...withoutReported(graphProblems, reported), ...limits] };
}

/**
 * The schema's issues about a value's type rather than its content: a value of the wrong type or
 * missing, a step type or constant that does not exist, a field the schema does not have.
 */
const TYPE_ISSUES: ReadonlySet<string> = new Set(["invalid_type", "invalid_union", "invalid_value", "unrecognized_keys"]);

/**
 * Checks that a parsed JSON value has the definition's shape: the types its JSON Schema (the zod
 * schemas definition.schema.json is generated from) gives each field, its size and nesting, and
 * no key a copy would lose. A value that passes is a document an editor can show and edit, as
 * it may be while its content has problems (an empty name, a number out of range, an edge to
 * nowhere), which validateDefinition reports against their nodes.
 */
export function checkShape(input: unknown): { ok: true } | { ok: false; problems: Problem[] } {
  const shape = readShape(input);
  if (shape.stop) return { ok: false, problems: shape.problems };
  const { parsed, lostKeys } = shape;
  const typeIssues = parsed.success ? [] : parsed.error.issues.filter((issue) => TYPE_ISSUES.has(issue.code));
  const problems = [...lostKeys, ...schemaProblemsOf(typeIssues, lostKeys)];
  return problems.length === 0 ? { ok: true } : { ok: false, problems };
}

type Shape =
  | { stop: true; problems: Problem[]; limits: Problem[] }
  | { stop: false; parsed: ReturnType<typeof DefinitionSchema.safeParse>; lostKeys: Problem[]; limits: Problem[] };

/** The checks that come before the graph's: nesting and size (which stop everything), then the schema. */
function readShape(input: unknown): Shape {
  // The shape first: everything after it walks the input recursively or copies it.
  const { tooDeep, lostKeys, nodeCount } = checkStructure(input);
  const limits = nodeCount > MAX_NODES ? [problemAt(["nodes"], `definition has ${nodeCount} nodes; the limit is ${MAX_NODES}`)] : [];
  if (tooDeep.length > 0) return { stop: true, problems: [...tooDeep, ...lostKeys], limits };
  const size = new TextEncoder().encode(JSON.stringify(input) ?? "").length;
  if (size > MAX_DEFINITION_BYTES) {
    return { stop: true, problems: [problemAt([], `definition is ${size} bytes; the limit is ${MAX_DEFINITION_BYTES} bytes`), ...lostKeys], limits };
  }
  return { stop: false, parsed: DefinitionSchema.safeParse(input, { reportInput: true }), lostKeys, limits };
}

/** The schema's problems, less those already reported as lost keys. */
function schemaProblemsOf(issues: z.core.$ZodIssue[], lostKeys: Problem[]): Problem[] {
  const lostPaths = new Set(lostKeys.map((problem) => problem.path));
  return issues.flatMap(problemsOfIssue).filter((problem) => !lostPaths.has(problem.path));
}

function problemsOfIssue(issue: z.core.$ZodIssue): Problem[] {
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((key) => problemAt([...issue.path, key], `unknown field "${key}"`));
  }
  return [problemAt(issue.path, messageOf(issue))];
}

/** Zod's wording, except where a plainer one fits: missing values and node ids. */
function messageOf(issue: z.core.$ZodIssue): string {
  if (issue.code === "invalid_key") {
    const key = String(issue.path.at(-1));
    if (key === "") return "a node id must not be empty";
    return `node id "${key}" ${issue.issues[0]?.message ?? "is not valid"}`;
  }
  if (issue.code === "invalid_type" && issue.input === undefined) return `is required (${issue.expected})`;
  return issue.message;
}

function checkSemantics(definition: Pick<Definition, "start" | "nodes">, options: ValidateOptions): Problem[] {
  const problems: Problem[] = [];
  const graphs = allGraphs(definition);
  const known = options.activities ? new Set([...BUILT_IN_ACTIVITIES, ...options.activities]) : null;
  const seen = new Map<string, string>();

  for (const located of graphs) {
    const { graph, path } = located;
    const at = (...rest: string[]) => [...(path ? path.split(".") : []), ...rest];
    if (!Object.hasOwn(graph.nodes, graph.start)) {
      problems.push(problemAt(at("start"), `start: there is no node "${graph.start}" in this graph`));
    }
    for (const [id, node] of Object.entries(graph.nodes)) {
      const nodePath = at("nodes", id);
      const firstPath = seen.get(id);
      if (firstPath !== undefined) {
        problems.push(problemAt(nodePath, `duplicate node id "${id}": it is also used at ${firstPath}`));
      } else {
        seen.set(id, nodePath.join("."));
      }
      for (const edge of edgesOf(node)) {
        if (!Object.hasOwn(graph.nodes, edge.target)) {
          problems.push(problemAt([...nodePath, ...edge.field.split(".")], `there is no node "${edge.target}" in this graph`));
        }
      }
      for (const { field, expression } of expressionsOf(node)) {
        const why = checkExpression(expression);
        if (why) problems.push(problemAt([...nodePath, ...field.split(".")], why));
      }
      if (node.type === "activity" && known && !known.has(node.activity)) {
        problems.push(
          problemAt([...nodePath, "activity"], `unknown activity "${node.activity}": no worker has registered it`),
        );
      }
      if (node.type === "subworkflow" && options.workflows) {
        const problem = subworkflowProblem(node, options.workflows);
        if (problem) problems.push(problemAt([...nodePath, problem.field], problem.message));
      }
      if (node.type === "activity" && node.heartbeatTimeout !== undefined && node.heartbeatTimeout >= (node.timeout ?? DEFAULT_ACTIVITY_TIMEOUT_SECONDS)) {
        // The attempt's timeout would always end it first: the heartbeat check could never fire.
        problems.push(problemAt([...nodePath, "heartbeatTimeout"], `heartbeatTimeout must be shorter than the step's timeout (${node.timeout ?? DEFAULT_ACTIVITY_TIMEOUT_SECONDS} s)`));
      }
      if (node.type === "wait" && node.onTimeout && node.timeout === undefined) {
        problems.push(problemAt([...nodePath, "onTimeout"], "onTimeout needs a timeout"));
      }
      if (node.type === "decision" && node.choices.length > MAX_DECISION_CHOICES) {
        problems.push(problemAt([...nodePath, "choices"], `at most ${MAX_DECISION_CHOICES} choices`));
      }
      if (node.type === "monitor" && located.parentNodeId !== null) {
        problems.push(
          problemAt(nodePath, "a monitor must sit in the top-level graph: each check restarts the instance (continue-as-new)"),
        );
      }
    }
    for (const problem of [...checkReachability(located, at), ...checkCycles(located, at)]) problems.push(problem);
  }
  return problems;
}

function subworkflowProblem(node: SubworkflowNode, workflows: NonNullable<ValidateOptions["workflows"]>): { field: string; message: string } | null {
  if (node.workflow === workflows.self) return null;
  const versions = workflows.versions.get(node.workflow);
  if (!versions) return { field: "workflow", message: `unknown workflow "${node.workflow}": no version of it is published` };
  if (typeof node.version === "number" && !versions.has(node.version)) {
    return { field: "version", message: `workflow "${node.workflow}" has no published version ${node.version}` };
  }
  return null;
}

function checkReachability({ graph }: LocatedGraph, at: (...rest: string[]) => string[]): Problem[] {
  if (!Object.hasOwn(graph.nodes, graph.start)) return [];
  const reached = new Set<string>([graph.start]);
  const queue = [graph.start];
  while (queue.length > 0) {
    const node = graph.nodes[queue.pop()!];
    if (!node) continue;
    for (const { target } of edgesOf(node)) {
      if (!reached.has(target) && Object.hasOwn(graph.nodes, target)) {
        reached.add(target);
        queue.push(target);
      }
    }
  }
  return Object.keys(graph.nodes)
    .filter((id) => !reached.has(id))
    .map((id) => problemAt(at("nodes", id), `unreachable: no path from the start node "${graph.start}" leads here`));
}

/** Longest loop spelt out in full in a cycle problem; a longer one shows its ends and its length. */
const MAX_LOOP_SHOWN = 8;

/** Depth-first search with its own stack: a chain may be as long as the node limit, or longer. */
function checkCycles({ graph }: LocatedGraph, at: (...rest: string[]) => string[]): Problem[] {
  const problems: Problem[] = [];
  const done = new Set<string>();
  /** The open path from the search's root, with each node's position on it. */
  const path: Array<{ id: string; targets: string[]; next: number }> = [];
  const onPath = new Map<string, number>();
  const open = (id: string) => {
    onPath.set(id, path.length);
    path.push({ id, targets: edgesOf(graph.nodes[id]!).map((edge) => edge.target), next: 0 });
  };
  for (const root of Object.keys(graph.nodes)) {
    if (done.has(root)) continue;
    open(root);
    while (path.length > 0) {
      const top = path.at(-1)!;
      const target = top.targets[top.next++];
      if (target === undefined) {
        path.pop();
        onPath.delete(top.id);
        done.add(top.id);
      } else if (!Object.hasOwn(graph.nodes, target) || done.has(target)) {
        continue;
      } else if (onPath.has(target)) {
        const loop = describeLoop(path, onPath.get(target)!);
        problems.push(problemAt(at("nodes", top.id), `cycle ${loop}: graphs must not loop; use a monitor node for recurring work`));
      } else {
        open(target);
      }
    }
  }
  return problems;
}

/**
 * The loop from `path[start]` to the end of the path and back: "a → b → a", or for a long loop
 * "a1 → a2 → a3 → … → a9 → a10 → a1 (10 nodes)". Reads only the nodes it shows, so that many
 * loops through a long path cost no more than their number.
 */
function describeLoop(path: ReadonlyArray<{ id: string }>, start: number): string {
  const ids = (from: number, to = path.length) => path.slice(from, to).map((step) => step.id);
  const length = path.length - start;
  const shown = length <= MAX_LOOP_SHOWN ? ids(start) : [...ids(start, start + 3), "…", ...ids(path.length - 2)];
  const loop = [...shown, path[start]!.id].join(" → ");
  return length <= MAX_LOOP_SHOWN ? loop : `${loop} (${length} nodes)`;
}
