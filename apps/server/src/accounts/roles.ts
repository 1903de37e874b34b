/**
 * Who is asking, and whether they may: the server's side of the one role table
 * (@flowcraft/access), in tRPC and REST alike.
 */
import { holds, isRole, ROLES, type Permission, type Role } from "@flowcraft/access";
import { invalid } from "@flowcraft/runtime";

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
  return holds(principal.roles, permission);
}

/** The roles named, in their canonical order; unknown names are refused, saying which. */
export function rolesOf(roles: readonly string[]): Role[] {
  const unknown = roles.filter((role) => !isRole(role));
  if (unknown.length > 0) throw invalid(`unknown role ${unknown.map((r) => `"${r.slice(0, 40)}"`).join(", ")}; roles are ${ROLES.join(", ")}`);
  return ROLES.filter((role) => roles.includes(role));
}
