/** What the change-password form says before sending: the server checks the same and more (apps/server/src/rest/auth.ts). */
import { MIN_PASSWORD_LENGTH } from "@flowcraft/access";

export interface PasswordChangeProblems {
  currentPassword?: string;
  newPassword?: string;
  newPasswordAgain?: string;
}

/** The form's problems by field; empty when it may be sent. */
export function passwordChangeProblems({ currentPassword, newPassword, newPasswordAgain }: { currentPassword: string; newPassword: string; newPasswordAgain: string }): PasswordChangeProblems {
  const problems: PasswordChangeProblems = {};
  if (currentPassword === "") problems.currentPassword = "Enter your current password.";
  if (newPassword.length < MIN_PASSWORD_LENGTH) problems.newPassword = `The new password must be at least ${MIN_PASSWORD_LENGTH} characters long.`;
  else if (newPassword !== newPasswordAgain) problems.newPasswordAgain = "The two new passwords differ.";
  return problems;
}
