/** A problem found in a definition, addressed so that an editor can point at it. */
export interface Problem {
  /** Dotted JSON path from the definition root, e.g. "nodes.fanout.body.nodes.double.input". */
  path: string;
  /** The node the problem belongs to, when it belongs to one. */
  nodeId: string | null;
  /** The field of that node (or of the definition), e.g. "retry.maxAttempts". */
  field: string | null;
  message: string;
}

/** Builds a problem from a path given as segments, finding the innermost node on the way. */
export function problemAt(segments: ReadonlyArray<PropertyKey>, message: string): Problem {
  const parts = segments.map(String);
  let nodeId: string | null = null;
  let fieldStart = 0;
  for (let i = 0; i + 1 < parts.length; i++) {
    if (parts[i] === "nodes") {
      nodeId = parts[i + 1] ?? null;
      fieldStart = i + 2;
    }
  }
  const fieldParts = parts.slice(fieldStart);
  return {
    path: parts.join("."),
    nodeId,
    field: fieldParts.length > 0 ? fieldParts.join(".") : null,
    message,
  };
}
