/**
 * Source handles: the named exits of a node on the canvas, each backed by one reference field
 * (`next`, `onError.next`, `onTimeout`, `choices[i].next`, `default`).
 */
import type { DecisionNode, EndNode, FailNode, Node, WaitNode } from "../schema.ts";

/** The handle of a start marker; its edge is the graph's `start`. */
export const START_HANDLE = "start";

/** The handle of decision choice `index`. */
export function choiceHandle(index: number): string {
  return `choice-${index}`;
}

type FlowNode = Exclude<Node, DecisionNode | EndNode | FailNode>;
type CatchingNode = Exclude<Node, EndNode | FailNode>;

function hasNext(node: Node): node is FlowNode {
  return node.type !== "decision" && node.type !== "end" && node.type !== "fail";
}

function hasOnError(node: Node): node is CatchingNode {
  return node.type !== "end" && node.type !== "fail";
}

/** The index of a "choice-<i>" handle, or null for any other handle. */
function choiceIndexOf(handle: string): number | null {
  const match = /^choice-(0|[1-9][0-9]*)$/.exec(handle);
  return match ? Number(match[1]) : null;
}

/** The handles a node offers, in drawing order; end and fail nodes offer none. */
export function sourceHandlesOf(node: Node): string[] {
  switch (node.type) {
    case "decision":
      return [...node.choices.map((_, i) => choiceHandle(i)), "default", "error"];
    case "wait":
      return ["next", "error", "timeout"];
    case "end":
    case "fail":
      return [];
    default:
      return ["next", "error"];
  }
}

/** The node a handle points at; undefined when it is unset (or the node has no such handle). */
export function referenceAt(node: Node, handle: string): string | undefined {
  if (handle === "next") return hasNext(node) ? node.next : undefined;
  if (handle === "error") return hasOnError(node) ? node.onError?.next : undefined;
  if (handle === "timeout") return node.type === "wait" ? node.onTimeout : undefined;
  if (handle === "default") return node.type === "decision" ? node.default : undefined;
  const index = choiceIndexOf(handle);
  return index !== null && node.type === "decision" ? node.choices[index]?.next : undefined;
}

/**
 * The node with a handle pointed at `target`, or cleared when `target` is undefined; null when
 * the node has no such handle. Clearing drops the field, or the whole `onError` (it cannot exist
 * without `next`); a choice keeps its place with an empty `next`, so its condition is not lost.
 */
export function withReference(node: Node, handle: string, target: string | undefined): Node | null {
  if (handle === "next") {
    if (!hasNext(node)) return null;
    return target === undefined ? without(node, "next") : { ...node, next: target };
  }
  if (handle === "error") {
    if (!hasOnError(node)) return null;
    return target === undefined ? without(node, "onError") : { ...node, onError: { ...node.onError, next: target } };
  }
  if (handle === "timeout") {
    if (node.type !== "wait") return null;
    return target === undefined ? without<WaitNode>(node, "onTimeout") : { ...node, onTimeout: target };
  }
  if (handle === "default") {
    if (node.type !== "decision") return null;
    return target === undefined ? without<DecisionNode>(node, "default") : { ...node, default: target };
  }
  const index = choiceIndexOf(handle);
  if (index === null || node.type !== "decision" || index >= node.choices.length) return null;
  return { ...node, choices: node.choices.map((choice, i) => (i === index ? { ...choice, next: target ?? "" } : choice)) };
}

/**
 * The node with every set reference passed through `change`: the returned id replaces it,
 * undefined clears it (as withReference does). The node itself comes back when nothing changes.
 */
export function mapReferences(node: Node, change: (target: string) => string | undefined): Node {
  let result = node;
  for (const handle of sourceHandlesOf(node)) {
    const target = referenceAt(node, handle);
    if (target === undefined || target === "") continue;
    const replacement = change(target);
    if (replacement !== target) result = withReference(result, handle, replacement) ?? result;
  }
  return result;
}

function without<T extends object>(value: T, key: keyof T): T {
  const copy = { ...value };
  delete copy[key];
  return copy;
}
