import { describe, expect, it } from "vitest";
import { deciderRefusal, holds, PERMISSIONS, roleRefusal, rolesWords, type Permission, type Role } from "./index.ts";

const ALL = Object.keys(PERMISSIONS) as Permission[];

describe("roles", () => {
  it.each<[Role[], Permission[]]>([
    [[], []],
    [["designer"], ["design"]],
    [["operator"], ["operate"]],
    [["approver"], ["approve"]],
    [["designer", "approver"], ["design", "approve"]],
    [["designer", "operator"], ["design", "operate", "testRun", "webhooks"]],
    [["admin"], ALL],
  ])("roles %j may %j and nothing else, and every refusal names the role it takes", (roles, allowed) => {
    for (const permission of ALL) {
      expect(holds(roles, permission)).toBe(allowed.includes(permission));
      const refusal = roleRefusal(roles, permission);
      if (allowed.includes(permission)) expect(refusal).toBeNull();
      else expect(refusal).toMatch(new RegExp(`^It takes ${rolesWords(permission)} to `));
    }
  });
});

it("a test run takes both the designer and the operator role, and says so", () => {
  expect(roleRefusal(["designer"], "testRun")).toBe("It takes the designer and operator roles to test-run drafts");
  expect(roleRefusal(["operator"], "testRun")).toBe("It takes the designer and operator roles to test-run drafts");
});

describe("deciderRefusal", () => {
  const ana = { name: "ana", groups: ["managers"] };
  it.each([
    [{}, null, null],
    [{ groups: ["managers"] }, null, null],
    [{ approvers: ["ana"] }, null, null],
    [{ groups: ["finance"], approvers: ["bo"] }, null, "ana may not decide this approval: it is for bo, group finance"],
    [{ groups: ["managers"], excludeStarter: true }, "ana", "ana started this instance, and its approval is for someone else (four eyes)"],
    [{ groups: ["managers"], excludeStarter: true }, "bo", null],
    [{ excludeStarter: false }, "ana", null],
  ])("ana deciding an approval for %j started by %s: %s", (approval, startedBy, refusal) => {
    expect(deciderRefusal(approval, ana, startedBy)).toBe(refusal);
  });
});
