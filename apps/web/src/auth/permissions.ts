/**
 * What the signed-in account may change, so that pages do not offer what the server would
 * refuse: the same table and rules the server enforces (@flowcraft/access).
 */
import { deciderRefusal, roleRefusal, type ApprovalDeciders, type Permission } from "@flowcraft/access";
import type { Account } from "./auth-requests.ts";
import { useAccount } from "./session.ts";

/** Why the account may not do it, worded for the person; null when it may. */
export function refusalOf(account: Pick<Account, "roles">, permission: Permission): string | null {
  return roleRefusal(account.roles, permission);
}

/** Why the person signed in may not decide this approval: their role, having started the instance, or whom the step names. */
export function approvalRefusalOf(account: Pick<Account, "username" | "roles" | "groups">, approval: ApprovalDeciders, startedBy: string | null): string | null {
  return refusalOf(account, "approve") ?? deciderRefusal(approval, { name: account.username, groups: account.groups }, startedBy);
}

/** The signed-in person's refusal for a permission, or null when they may. */
export function useRefusal(permission: Permission): string | null {
  return refusalOf(useAccount(), permission);
}
