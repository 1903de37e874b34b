/** Fresh node ids for added and pasted nodes. */
import type { Definition } from "../schema.ts";
import { nodeIdsOf } from "./graph-key.ts";
import { ownerOfCanvasId } from "./canvas-ids.ts";
import { readPositions } from "./positions.ts";

const MAX_ID_LENGTH = 64;

/**
 * Ids a new node must not take: every node id, and the owners of stored positions, so that a
 * stale position left in `ui` (by hand, or by another tool) cannot land on the new node.
 */
export function takenIds(definition: Definition): Set<string> {
  const taken = nodeIdsOf(definition);
  for (const canvasId of Object.keys(readPositions(definition))) {
    const owner = ownerOfCanvasId(canvasId);
    if (owner !== null) taken.add(owner);
  }
  return taken;
}

/** A fresh id `<base><n>` (activity1, activity2, ...) not used anywhere in the definition. */
export function uniqueId(definition: Definition, base: string): string {
  return new FreshIds(takenIds(definition)).claim(base);
}

/**
 * Hands out ids not in `taken`, adding each to it. It remembers where each stem's numbers left
 * off, so that pasting thousands of nodes of one kind stays linear rather than counting up from 1
 * for every one of them.
 */
export class FreshIds {
  private readonly nextNumber = new Map<string, number>();

  constructor(private readonly taken: Set<string>) {}

  /**
   * The first `<base><n>` (n = 1, 2, ...) not taken. The base loses its trailing digits (a copy
   * of step1 becomes step2, not step11) and whatever a node id cannot hold, so the result is
   * always a valid id; a digit suffix also keeps it off the reserved names.
   */
  claim(base: string): string {
    let stem = base.replace(/[^A-Za-z0-9_]/g, "_").replace(/[0-9]+$/, "");
    if (!/^[A-Za-z_]/.test(stem)) stem = `node${stem}`;
    // Numbers below the remembered one were taken or handed out already; taken ids are never freed.
    for (let n = this.nextNumber.get(stem) ?? 1; ; n++) {
      const suffix = String(n);
      const id = `${stem.slice(0, MAX_ID_LENGTH - suffix.length)}${suffix}`;
      if (!this.taken.has(id)) {
        this.taken.add(id);
        this.nextNumber.set(stem, n + 1);
        return id;
      }
    }
  }
}
