import { describe, expect, it } from "vitest";
import type { Account } from "./auth-requests.ts";
import { approvalRefusalOf, refusalOf, type Permission } from "./permissions.ts";

const PERMISSIONS: Permission[] = ["design", "operate", "approve", "administer"];

describe("refusalOf", () => {
  it.each<[Account["roles"], Permission[]]>([
    [[], []],
    [["designer"], ["design"]],
    [["operator"], ["operate"]],
    [["approver"], ["approve"]],
    [["designer", "approver"], ["design", "approve"]],
    [["admin"], PERMISSIONS],
  ])("an account with roles %j may %j and nothing else", (roles, allowed) => {
    for (const permission of PERMISSIONS) {
      const refusal = refusalOf({ roles }, permission);
      if (allowed.includes(permission)) expect(refusal).toBeNull();
      else expect(refusal).toMatch(/^It takes the \w+ role to /);
    }
  });
});

describe("approvalRefusalOf", () => {
  const ana = { username: "ana", roles: ["approver"] as Account["roles"], groups: ["managers"] };
  const open = { groups: [], approvers: [], excludeStarter: false, startedBy: null };
  it.each([
    [ana, open, null],
    [ana, { ...open, groups: ["managers"] }, null],
    [ana, { ...open, approvers: ["ana"] }, null],
    [ana, { ...open, groups: ["finance"], approvers: ["bo"] }, "Only bo, group finance may decide this approval"],
    [{ ...ana, roles: [] }, open, "It takes the approver role to decide approvals"],
    [ana, { ...open, groups: ["managers"], excludeStarter: true, startedBy: "ana" }, "You started this instance; its approval is for someone else"],
    [ana, { ...open, groups: ["managers"], excludeStarter: true, startedBy: "bo" }, null],
    [ana, { ...open, excludeStarter: false, startedBy: "ana" }, null],
  ])("%j deciding an approval for %j: %s", (account, allowed, refusal) => {
    expect(approvalRefusalOf(account, allowed)).toBe(refusal);
  });
});
