/**
 * The shape of the raw input, checked before anything walks it recursively or copies it: how
 * deep its JSON and its containers nest, how many nodes it holds, and keys that a copy would
 * lose. zod, JSON.stringify and the graph checks recurse once per level, so a definition over
 * these limits never reaches them. This walk keeps its own stack, so no input is too deep for it.
 */
import { MAX_JSON_DEPTH, MAX_NESTING_DEPTH } from "./limits.ts";
import { problemAt, type Problem } from "./problems.ts";
import { RESERVED_NODE_ID_REASON } from "./schema.ts";

/** What the walk found. */
export interface Structure {
  /** JSON or containers nested beyond their limits; validation reports these and goes no further. */
  tooDeep: Problem[];
  /**
   * Every `__proto__` key. Assigning it to a plain object sets the prototype instead of a key, so
   * zod's records and any copy drop it: a node by that id would vanish from the definition.
   */
  lostKeys: Problem[];
  /** Nodes in every graph, nested ones included, however deep. */
  nodeCount: number;
}

const LOST_KEY = "__proto__";

/** How the definition format reads a value: where graphs, their nodes and nested graphs are. */
type Role = "graph" | "nodes" | "node" | "branches" | "data";

const CONTAINERS: ReadonlySet<unknown> = new Set(["parallel", "map", "group", "monitor"]);

/** A path kept as links to the parent's, so that only a reported one is ever spelt out. */
interface PathLink {
  key: string;
  parent: PathLink | null;
}

interface Visit {
  value: unknown;
  at: PathLink | null;
  role: Role;
  /** Arrays and objects around this value. */
  depth: number;
  /** Containers around this value. */
  nesting: number;
  /** Beneath a place already reported as too deep: one problem is enough for it. */
  reported: boolean;
}

export function checkStructure(input: unknown): Structure {
  const tooDeep: Problem[] = [];
  const lostKeys: Problem[] = [];
  let nodeCount = 0;
  let jsonDepthReported = false;
  const pending: Visit[] = [{ value: input, at: null, role: "graph", depth: 0, nesting: 0, reported: false }];
  for (let visit = pending.pop(); visit; visit = pending.pop()) {
    const { value, at, role, depth } = visit;
    if (typeof value !== "object" || value === null) continue;
    let { nesting, reported } = visit;
    if (role === "node" && CONTAINERS.has((value as { type?: unknown }).type)) {
      nesting++;
      if (nesting > MAX_NESTING_DEPTH && !reported) {
        tooDeep.push(problemAt(segmentsOf(at), `nested ${nesting} containers deep; the limit is ${MAX_NESTING_DEPTH} (parallel, map, group and monitor nodes inside each other)`));
        reported = true;
      }
    }
    if (depth >= MAX_JSON_DEPTH && !reported) {
      // Only the first place: a path this deep is long, and one says what is wrong.
      if (!jsonDepthReported) tooDeep.push(problemAt(segmentsOf(at), `nested more than ${MAX_JSON_DEPTH} levels deep (arrays and objects); the limit is ${MAX_JSON_DEPTH}`));
      jsonDepthReported = reported = true;
    }
    const isArray = Array.isArray(value);
    if (role === "nodes" && !isArray) nodeCount += Object.keys(value).length;
    const children: Visit[] = [];
    for (const [key, child] of Object.entries(value)) {
      if (key === LOST_KEY && !reported) {
        const message = role === "nodes" && !isArray ? `node id "${key}" ${RESERVED_NODE_ID_REASON}` : `the key "${key}" is not allowed: copying the object in JavaScript would drop it`;
        lostKeys.push(problemAt(segmentsOf({ key, parent: at }), message));
      }
      children.push({ value: child, at: { key, parent: at }, role: roleOf(role, isArray, value, key), depth: depth + 1, nesting, reported });
    }
    for (let i = children.length - 1; i >= 0; i--) pending.push(children[i]!);
  }
  return { tooDeep, lostKeys, nodeCount };
}

/** The role of `parent[key]`, as the schema and the graph checks read it. */
function roleOf(role: Role, isArray: boolean, parent: object, key: string): Role {
  switch (role) {
    case "graph":
      return key === "nodes" && !isArray ? "nodes" : "data";
    case "nodes":
      return isArray ? "data" : "node";
    case "node": {
      const type = (parent as { type?: unknown }).type;
      if (key === "branches" && type === "parallel") return "branches";
      return key === "body" && CONTAINERS.has(type) && type !== "parallel" ? "graph" : "data";
    }
    case "branches":
      return isArray ? "graph" : "data";
    case "data":
      return "data";
  }
}

function segmentsOf(at: PathLink | null): string[] {
  const segments: string[] = [];
  for (let link = at; link; link = link.parent) segments.push(link.key);
  return segments.reverse();
}
