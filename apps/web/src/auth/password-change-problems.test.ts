import { describe, expect, it } from "vitest";
import { MIN_PASSWORD_LENGTH } from "@flowcraft/access";
import { passwordChangeProblems } from "./password-change-problems.ts";

const long = "x".repeat(MIN_PASSWORD_LENGTH);

describe("passwordChangeProblems", () => {
  it("has none when the current password is given and the new one is long enough and typed twice alike", () => {
    expect(passwordChangeProblems({ currentPassword: "old", newPassword: long, newPasswordAgain: long })).toEqual({});
  });

  it("asks for the current password", () => {
    expect(passwordChangeProblems({ currentPassword: "", newPassword: long, newPasswordAgain: long })).toEqual({ currentPassword: "Enter your current password." });
  });

  it("names the minimum length, before comparing the two entries", () => {
    const short = long.slice(1);
    expect(passwordChangeProblems({ currentPassword: "old", newPassword: short, newPasswordAgain: "other" })).toEqual({
      password: `The new password must be at least ${MIN_PASSWORD_LENGTH} characters long.`,
    });
  });

  it("says when the two new entries differ", () => {
    expect(passwordChangeProblems({ currentPassword: "old", newPassword: long, newPasswordAgain: `${long}!` })).toEqual({ again: "The two new passwords differ." });
  });
});
