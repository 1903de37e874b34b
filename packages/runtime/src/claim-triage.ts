/**
 * How a claimed batch is decided, by how many claims in a row of each instance stored no turn
 * (`unfinishedClaims`, this claim included). A worker that crashes while deciding a batch leaves
 * every instance of it counted, so a poison instance would drag its neighbours into quarantine
 * with it. Instances are therefore decided apart by how suspect they are: the fresh ones
 * together, those that were in one crashed batch together after the fresh ones are stored, and
 * of those in two or more, only the most suspect, alone. The poison instance keeps crashing what
 * it is decided with, so it climbs to the limit; a neighbour, once decided alone, is stored and
 * starts again from nought.
 */

export interface Claimed {
  id: string;
  unfinishedClaims: number;
}

export interface Triage<T extends Claimed> {
  /** Over the limit: failed unread. */
  quarantined: T[];
  /** First claim since their last stored turn: decided together. */
  fresh: T[];
  /** In one claim before that stored nothing (most often a routine crash or restart): decided together. */
  suspects: T[];
  /** The most suspect of those in two or more such claims: decided alone. */
  isolated: T | null;
  /** The rest of those: released without counting this claim, for a later batch. */
  deferred: T[];
}

/** `mayIsolate`: no other decision of this process is deciding an instance alone right now. */
export function triage<T extends Claimed>(claimed: readonly T[], limit: number, mayIsolate: boolean): Triage<T> {
  const result: Triage<T> = { quarantined: [], fresh: [], suspects: [], isolated: null, deferred: [] };
  const repeat: T[] = [];
  for (const instance of claimed) {
    if (instance.unfinishedClaims > limit) result.quarantined.push(instance);
    else if (instance.unfinishedClaims <= 1) result.fresh.push(instance);
    else if (instance.unfinishedClaims === 2) result.suspects.push(instance);
    else repeat.push(instance);
  }
  // The most suspect first, so that a poison instance reaches the limit in the fewest crashes.
  repeat.sort((a, b) => b.unfinishedClaims - a.unfinishedClaims || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (mayIsolate && repeat.length > 0) result.isolated = repeat.shift()!;
  result.deferred = repeat;
  return result;
}
