import { describe, expect, it } from "vitest";
import { approvalRefusalOf } from "./permissions.ts";

describe("approvalRefusalOf", () => {
  const ana = { username: "ana", roles: ["approver" as const], groups: ["managers"] };
  it("refuses for the missing role before anything the step says", () => {
    expect(approvalRefusalOf({ ...ana, roles: [] }, { approvers: ["bo"] }, "ana")).toBe("It takes the approver role to decide approvals");
  });

  it("then applies the step's deciders to the person signed in", () => {
    expect(approvalRefusalOf(ana, { groups: ["managers"] }, null)).toBeNull();
    expect(approvalRefusalOf(ana, { groups: ["managers"], excludeStarter: true }, "ana")).toBe("ana started this instance, and its approval is for someone else (four eyes)");
  });
});
