/** Limits of a definition; documented in the README and enforced by validation. */

/** Largest definition, as JSON text: keeps a stored version and a replay's working set small. */
export const MAX_DEFINITION_BYTES = 1024 * 1024;

/** Most nodes in one definition, nested ones included: the designer stays fluid well past this. */
export const MAX_NODES = 2_000;

/** Most choices a decision node may have. */
export const MAX_DECISION_CHOICES = 100;

/**
 * Containers (parallel, map, group, monitor) inside each other. Real workflows nest a few deep and
 * a canvas shows little more; validation, the engine and the designer recurse once per level, and
 * zod ran out of stack at about 500 levels on Node's default stack, so this keeps a wide margin.
 */
export const MAX_NESTING_DEPTH = 32;

/**
 * Arrays and objects inside each other, anywhere in a definition (the ui section included). Graphs
 * nested to MAX_NESTING_DEPTH take about 140 levels; JSON.stringify, zod and Postgres recurse per
 * level and run out of stack a few thousand levels down.
 */
export const MAX_JSON_DEPTH = 256;
