/** What the change-password form says before sending: the server checks the same and more (apps/server/src/rest/auth.ts). */
import { newPasswordProblems, type NewPasswordProblems } from "./new-password.tsx";

export type PasswordChangeProblems = { currentPassword?: string } & NewPasswordProblems;

/** The form's problems by field; empty when it may be sent. */
export function passwordChangeProblems({ currentPassword, newPassword, newPasswordAgain }: { currentPassword: string; newPassword: string; newPasswordAgain: string }): PasswordChangeProblems {
  return { ...(currentPassword === "" ? { currentPassword: "Enter your current password." } : {}), ...newPasswordProblems(newPassword, newPasswordAgain, "new password") };
}
