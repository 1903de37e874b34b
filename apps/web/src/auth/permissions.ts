/**
 * What the signed-in account may change, so that pages do not offer what the server would
 * refuse. The table is the server's (apps/server/src/accounts/roles.ts): anyone signed in may
 * look, each role adds the changes it names, and admins hold every role.
 */
import type { Account } from "./auth-requests.ts";
import { useAccount } from "./session.ts";

export type Role = Account["roles"][number];

/** Every role, in the order forms list them. */
export const ROLES = ["admin", "designer", "operator", "approver"] as const satisfies readonly Role[];

/** What each role lets its holder do, in a few words for forms. */
export const ROLE_WORDS: Record<Role, string> = {
  admin: "everything, including accounts and API tokens",
  designer: "edit and publish workflows",
  operator: "start, steer and re-run instances",
  approver: "decide approvals",
};

const ROLE_OF = {
  design: "designer",
  operate: "operator",
  approve: "approver",
  administer: "admin",
} as const satisfies Record<string, Role>;

export type Permission = keyof typeof ROLE_OF;

const WHAT: Record<Permission, string> = {
  design: "edit, save and publish workflows",
  operate: "start and steer instances",
  approve: "decide approvals",
  administer: "manage accounts and API tokens",
};

/** Why the account may not do it, worded for the person; null when it may. */
export function refusalOf(account: Pick<Account, "roles">, permission: Permission): string | null {
  const role = ROLE_OF[permission];
  if (account.roles.includes("admin") || account.roles.includes(role)) return null;
  return `It takes the ${role} role to ${WHAT[permission]}`;
}

/** Why the person signed in may not decide this approval: their role, having started the instance, or whom the step names. */
export function approvalRefusalOf(
  account: Pick<Account, "username" | "roles" | "groups">,
  allowed: { groups: string[]; approvers: string[]; excludeStarter: boolean; startedBy: string | null },
): string | null {
  const byRole = refusalOf(account, "approve");
  if (byRole) return byRole;
  if (allowed.excludeStarter && allowed.startedBy === account.username) return "You started this instance; its approval is for someone else";
  if (allowed.groups.length === 0 && allowed.approvers.length === 0) return null;
  if (allowed.approvers.includes(account.username) || allowed.groups.some((group) => account.groups.includes(group))) return null;
  return `Only ${[...allowed.approvers, ...allowed.groups.map((group) => `group ${group}`)].join(", ")} may decide this approval`;
}

/** The signed-in person's refusal for a permission, or null when they may. */
export function useRefusal(permission: Permission): string | null {
  return refusalOf(useAccount(), permission);
}
