/**
 * Roles and what each may do: the one table behind every check. Anyone signed in may look (the
 * viewer's rights); each role adds the changes it names, and admins hold every role.
 */
export const ROLES = ["admin", "designer", "operator", "approver"] as const;
export type Role = (typeof ROLES)[number];

/** Every change a caller can ask for, by the roles it takes (all of them). */
export const PERMISSIONS = {
  /** Save, rename, duplicate and delete drafts; publish versions. */
  design: ["designer"],
  /**
   * Start, terminate, suspend, resume, purge, raise events, re-run; and keep schedules, trigger
   * and backfill them: a schedule starts instances as an operator would, so it is theirs to keep.
   * Likewise a workflow's retention, which decides when its ended instances are purged.
   */
  operate: ["operator"],
  /**
   * Start a test run of an unpublished draft: it runs, with real activities, a definition only a
   * designer may write, so it takes a designer who may also start instances.
   */
  testRun: ["designer", "operator"],
  /**
   * Create, change, rotate and delete webhooks. A webhook's URL starts instances for whoever
   * holds it, so defining one takes a designer who may also start instances.
   */
  webhooks: ["designer", "operator"],
  /** Decide approvals (the approval step may narrow who further). */
  approve: ["approver"],
  /** Accounts, API tokens, secrets, the audit log, and the requests webhooks refused. */
  administer: ["admin"],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

/** What each role lets its holder do, in a few words for forms. */
export const ROLE_WORDS: Record<Role, string> = {
  admin: "everything, including accounts and API tokens",
  designer: "edit and publish workflows",
  operator: "start, steer and re-run instances; keep their schedules",
  approver: "decide approvals",
};

/** What each permission allows, to finish "It takes the … role to …". */
const PERMISSION_WORDS: Record<Permission, string> = {
  design: "edit, save and publish workflows",
  operate: "start and steer instances",
  testRun: "test-run drafts",
  webhooks: "manage webhooks",
  approve: "decide approvals",
  administer: "manage accounts and API tokens",
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function holds(roles: readonly Role[], permission: Permission): boolean {
  // Admins may do everything: the owner of a fresh installation must not lock themselves out.
  return roles.includes("admin") || PERMISSIONS[permission].every((role) => roles.includes(role));
}

/** The roles a permission takes, in words: "the designer role", "the designer and operator roles". */
export function rolesWords(permission: Permission): string {
  const roles: readonly Role[] = PERMISSIONS[permission];
  return roles.length === 1 ? `the ${roles[0]} role` : `the ${roles.slice(0, -1).join(", ")} and ${roles.at(-1)} roles`;
}

/** Why someone with these roles may not do it, worded for people; null when they may. */
export function roleRefusal(roles: readonly Role[], permission: Permission): string | null {
  return holds(roles, permission) ? null : `It takes ${rolesWords(permission)} to ${PERMISSION_WORDS[permission]}`;
}
