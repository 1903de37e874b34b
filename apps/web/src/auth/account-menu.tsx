/** Who is signed in, changing their password, and signing out, at the end of the navigation bar. */
import { useState } from "react";
import { errorMessage } from "../lib/api.ts";
import { ChangePasswordDialog } from "./change-password-dialog.tsx";
import { signOut, useAccount } from "./session.ts";
import "./auth.css";

export function AccountMenu() {
  const account = useAccount();
  const [failure, setFailure] = useState<string | null>(null);
  const [changingPassword, setChangingPassword] = useState(false);
  const named = account.displayName !== account.username;
  return (
    <div className="account-menu">
      <span data-testid="signed-in-as" title={`Roles: ${account.roles.join(", ") || "none (viewer)"}`}>
        <span className="signed-in-words">Signed in as </span>
        <strong>{account.displayName}</strong>
        {named && <span className="hint"> ({account.username})</span>}
      </span>
      <button type="button" data-testid="change-password" onClick={() => setChangingPassword(true)}>
        Change password
      </button>
      {changingPassword && <ChangePasswordDialog onClose={() => setChangingPassword(false)} />}
      <button type="button" data-testid="sign-out" onClick={() => signOut().catch((error) => setFailure(errorMessage(error)))}>
        Sign out
      </button>
      {failure && (
        <span className="error" role="alert">
          {failure}
        </span>
      )}
    </div>
  );
}
