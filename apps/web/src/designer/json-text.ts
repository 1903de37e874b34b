/**
 * The JSON editor's text and the definition: reading the text back into a definition, with each
 * problem placed at its line and column, and the smallest change that turns one text into another
 * (so that a change made on the canvas leaves the editor's cursor where it was).
 */
import { checkShape, type Definition, type Problem } from "@flowcraft/definition";
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from "jsonc-parser";

/** What is wrong with the editor's text, and where: `from`/`to` are offsets, line and column count from 1. */
export interface TextProblem {
  from: number;
  to: number;
  line: number;
  column: number;
  message: string;
}

/** Editor text that makes no definition, and why. */
export interface JsonDraft {
  text: string;
  problems: TextProblem[];
}

export type TextReading = { ok: true; definition: Definition } | { ok: false; problems: TextProblem[] };

/** The text the editor shows for a definition. */
export const definitionText = (definition: Definition): string => JSON.stringify(definition, null, 2);

/**
 * Reads the editor's text: strict JSON (no comments, no trailing commas), then the definition's
 * shape. A text with problems gives no definition: the canvas keeps the one it has. The definition
 * is the parsed value itself, so what the person wrote is what the document holds.
 */
export function readDefinitionText(text: string): TextReading {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length > 0 || !tree) {
    return { ok: false, problems: errors.map((error) => problemAt(text, error.offset, error.offset + error.length, SYNTAX_MESSAGES[error.error] ?? printParseErrorCode(error.error))) };
  }
  const value: unknown = JSON.parse(text);
  const shape = checkShape(value);
  return shape.ok ? { ok: true, definition: value as Definition } : { ok: false, problems: placeProblems(text, tree, shape.problems) };
}

/** Where the definition's problems are in the text that reads as it (one with syntax errors places none). */
export function problemsInText(text: string, problems: Problem[]): TextProblem[] {
  if (problems.length === 0) return [];
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  return tree && errors.length === 0 ? placeProblems(text, tree, problems) : [];
}

function placeProblems(text: string, tree: Node, problems: Problem[]): TextProblem[] {
  return problems.map((problem) => {
    const [from, to] = rangeOf(tree, problem.path === "" ? [] : problem.path.split("."));
    return problemAt(text, from, to, problem.path === "" ? problem.message : `${problem.path}: ${problem.message}`);
  });
}

/** The parser's error codes in words. */
const SYNTAX_MESSAGES: Record<number, string | undefined> = {
  1: "not valid JSON here (is a quote missing?)",
  2: "not a valid number",
  3: "a property name in double quotes expected",
  4: "a value expected",
  5: "':' expected after the property name",
  6: "',' expected between values",
  7: "'}' expected to close the object",
  8: "']' expected to close the array",
  9: "nothing may follow the document's closing '}'",
  10: "comments are not allowed in JSON",
  11: "a comment is not closed",
  12: "a string is not closed: '\"' expected",
  13: "a number is not finished",
  14: "not a valid \\u escape",
  15: "not a valid escape after '\\'",
  16: "a character that must be escaped in a string",
};

/**
 * Where a problem at `path` sits in the text: the value there, or the name of the property that
 * holds an object or array (underlining a whole object would hide the rest). A path the text
 * lacks (a required field left out) points at the nearest enclosing value that it has.
 */
function rangeOf(tree: Node, path: string[]): [number, number] {
  for (let length = path.length; length >= 0; length--) {
    const found = findNodeAtLocation(tree, path.slice(0, length).map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment)));
    if (!found) continue;
    const name = found.parent?.type === "property" ? found.parent.children?.[0] : undefined;
    const whole = length === path.length && found.type !== "object" && found.type !== "array";
    if (whole) return [found.offset, found.offset + found.length];
    if (name) return [name.offset, name.offset + name.length];
    return [found.offset, found.offset + 1];
  }
  return [0, Math.min(1, tree.length)];
}

function problemAt(text: string, from: number, to: number, message: string): TextProblem {
  const before = text.slice(0, from);
  const line = before.split("\n").length;
  const column = from - (before.lastIndexOf("\n") + 1) + 1;
  return { from, to: Math.max(to, from), line, column, message };
}

/**
 * The one replacement that turns `before` into `after`: what lies between their common start
 * and common end. Null when they are equal.
 */
export function textChange(before: string, after: string): { from: number; to: number; insert: string } | null {
  if (before === after) return null;
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < shorter - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  return { from: start, to: before.length - end, insert: after.slice(start, after.length - end) };
}
