/**
 * Roles and what each may do: the one table behind every check, in tRPC and REST alike. Anyone
 * signed in may look (the viewer's rights); each role adds the changes it names.
 */
import { invalid } from "@flowcraft/runtime";

export const ROLES = ["admin", "designer", "operator", "approver"] as const;
export type Role = (typeof ROLES)[number];

/** Every change a caller can ask for, by the role it takes. */
export const PERMISSIONS = {
  /** Save, rename, duplicate and delete drafts; publish versions. */
  design: "designer",
  /** Start, terminate, suspend, resume, purge, raise events, re-run. */
  operate: "operator",
  /** Decide approvals (the approval step may narrow who further). */
  approve: "approver",
  /** Accounts and API tokens. */
  administer: "admin",
} as const satisfies Record<string, Role>;
export type Permission = keyof typeof PERMISSIONS;

/** Who is asking: a signed-in person or another system with an API token. */
export interface Principal {
  kind: "account" | "token";
  /** The username, or the token's name: what history records as who acted. */
  name: string;
  roles: readonly Role[];
  /** An account's groups, for approval steps that name groups. */
  groups: readonly string[];
}

export function may(principal: Principal, permission: Permission): boolean {
  // Admins may do everything: the owner of a fresh installation must not lock themselves out.
  return principal.roles.includes("admin") || principal.roles.includes(PERMISSIONS[permission]);
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** The roles named, in their canonical order; unknown names are refused, saying which. */
export function rolesOf(roles: readonly string[]): Role[] {
  const unknown = roles.filter((role) => !isRole(role));
  if (unknown.length > 0) throw invalid(`unknown role ${unknown.map((r) => `"${r.slice(0, 40)}"`).join(", ")}; roles are ${ROLES.join(", ")}`);
  return ROLES.filter((role) => roles.includes(role));
}
