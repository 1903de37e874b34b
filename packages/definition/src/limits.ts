/** Limits of a definition; documented in the README and enforced by validation. */

/** Largest definition, as JSON text: keeps a stored version and a replay's working set small. */
export const MAX_DEFINITION_BYTES = 1024 * 1024;

/** Most nodes in one definition, nested ones included: the designer stays fluid well past this. */
export const MAX_NODES = 2_000;

/** Most choices a decision node may have. */
export const MAX_DECISION_CHOICES = 100;
