/** Who is signed in, and signing out, at the end of the navigation bar. */
import { useState } from "react";
import { errorMessage } from "../lib/api.ts";
import { signOut, useAccount } from "./session.ts";
import "./auth.css";

export function AccountMenu() {
  const account = useAccount();
  const [failure, setFailure] = useState<string | null>(null);
  const named = account.displayName !== account.username;
  return (
    <div className="account-menu">
      <span data-testid="signed-in-as" title={`Roles: ${account.roles.join(", ") || "none (viewer)"}`}>
        Signed in as <strong>{account.displayName}</strong>
        {named && <span className="hint"> ({account.username})</span>}
      </span>
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
