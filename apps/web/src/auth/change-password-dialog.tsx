/**
 * A person's own new password: the current one proves it is them, the new one is typed twice.
 * The server signs their other sessions out, so a password someone else learnt stops working.
 */
import { useState, type FormEvent } from "react";
import { Modal } from "../instances/modal.tsx";
import { FormField } from "./form-field.tsx";
import { FormAlerts, NewPasswordFields } from "./new-password.tsx";
import { passwordChangeProblems, type PasswordChangeProblems } from "./password-change-problems.ts";
import { changePassword } from "./session.ts";

export function ChangePasswordDialog({ onClose }: { onClose(): void }) {
  const [currentPassword, setCurrentPassword] = useState("");
  const [newPassword, setNewPassword] = useState("");
  const [newPasswordAgain, setNewPasswordAgain] = useState("");
  const [problems, setProblems] = useState<PasswordChangeProblems>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = passwordChangeProblems({ currentPassword, newPassword, newPasswordAgain });
    setProblems(found);
    setFailure(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await changePassword({ currentPassword, newPassword });
      setDone(true);
    } catch (error) {
      setFailure((error as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title="Change password" onClose={onClose} testId="change-password-dialog">
      {done ? (
        <>
          <p role="status" data-testid="change-password-done">
            Password changed; other sessions were signed out.
          </p>
          <div className="dialog-actions">
            <button type="button" className="primary" onClick={onClose} autoFocus>
              Close
            </button>
          </div>
        </>
      ) : (
        <form className="change-password-form" onSubmit={(event) => void submit(event)} noValidate>
          <FormField
            label="Current password"
            testId="current-password"
            type="password"
            value={currentPassword}
            onChange={setCurrentPassword}
            autoComplete="current-password"
            error={problems.currentPassword}
            autoFocus
          />
          <NewPasswordFields
            label="New password"
            testId="new-password"
            password={newPassword}
            again={newPasswordAgain}
            onPassword={setNewPassword}
            onAgain={setNewPasswordAgain}
            problems={problems}
          />
          <FormAlerts failure={failure} problems={problems} testId="change-password-error" />
          <div className="dialog-actions">
            <button type="button" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className="primary" data-testid="change-password-submit" disabled={busy}>
              {busy ? "Working…" : "Change password"}
            </button>
          </div>
        </form>
      )}
    </Modal>
  );
}
