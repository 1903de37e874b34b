/** Who may decide an approval, beyond holding the approver role: whom the step names, and four eyes. */

/** What an approval step says about its deciders (all optional in a definition). */
export interface ApprovalDeciders {
  approvers?: readonly string[];
  groups?: readonly string[];
  /** The person who started the instance may not decide. */
  excludeStarter?: boolean;
}

export interface Decider {
  /** A username, or `token:<name>` for an API token. */
  name: string;
  groups: readonly string[];
}

/**
 * Why this decider may not decide this approval, or null when they may: anyone, unless the step
 * names people or groups or keeps out whoever started the instance.
 */
export function deciderRefusal(approval: ApprovalDeciders, decider: Decider, startedBy: string | null): string | null {
  if (approval.excludeStarter && startedBy === decider.name) return `${decider.name} started this instance, and its approval is for someone else (four eyes)`;
  const approvers = approval.approvers ?? [];
  const groups = approval.groups ?? [];
  if (approvers.length === 0 && groups.length === 0) return null;
  if (approvers.includes(decider.name) || groups.some((group) => decider.groups.includes(group))) return null;
  const allowed = [...approvers, ...groups.map((group) => `group ${group}`)].join(", ");
  return `${decider.name} may not decide this approval: it is for ${allowed}`;
}
