/**
 * The first visit to a fresh installation: whoever is first creates the owner account, which
 * holds every role. There is no default password; until this is done nothing else is reachable.
 */
import { useState, type FormEvent } from "react";
import { USERNAME_PATTERN, USERNAME_WORDS } from "@flowcraft/access";
import { FormField } from "./form-field.tsx";
import { FormAlerts, NewPasswordFields, newPasswordProblems, type NewPasswordProblems } from "./new-password.tsx";
import { setUpOwner } from "./session.ts";
import "./auth.css";

type SetupProblems = { username?: string } & NewPasswordProblems;

export function SetupPage() {
  const [username, setUsername] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [password, setPassword] = useState("");
  const [passwordAgain, setPasswordAgain] = useState("");
  const [problems, setProblems] = useState<SetupProblems>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = problemsOf(username, password, passwordAgain);
    setProblems(found);
    setFailure(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await setUpOwner({ username: username.trim(), password, ...(displayName.trim() ? { displayName: displayName.trim() } : {}) });
    } catch (error) {
      setFailure((error as Error).message);
      setBusy(false);
    }
  };

  return (
    <main className="auth-page" data-testid="setup-page">
      <form className="auth-form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="setup-title">
        <p className="product" data-testid="setup-product">
          <strong>Flowcraft</strong> — design workflows visually and run them durably on Postgres.
        </p>
        <h1 id="setup-title">Create the owner account</h1>
        <p className="hint">This installation has no accounts yet. The owner may do everything, including adding the other people and their roles.</p>
        <FormField label="Username" testId="setup-username" value={username} onChange={setUsername} autoComplete="username" hint={USERNAME_WORDS} note={signInNameNote(username)} error={problems.username} autoFocus />
        <FormField label="Display name (optional)" testId="setup-display-name" value={displayName} onChange={setDisplayName} autoComplete="name" />
        <NewPasswordFields label="Password" testId="setup-password" password={password} again={passwordAgain} onPassword={setPassword} onAgain={setPasswordAgain} problems={problems} />
        <FormAlerts failure={failure} problems={problems} testId="setup-error" />
        <button type="submit" className="primary" data-testid="setup-submit" disabled={busy}>
          Create the owner account
        </button>
      </form>
    </main>
  );
}

/** Usernames are stored lowercase: whoever types "Owner" is told before they submit that they will sign in as "owner". */
function signInNameNote(typed: string): string | null {
  const username = typed.trim().toLowerCase();
  return USERNAME_PATTERN.test(username) ? `You will sign in as ${username}` : null;
}

function problemsOf(username: string, password: string, passwordAgain: string): SetupProblems {
  const nameOk = USERNAME_PATTERN.test(username.trim().toLowerCase());
  return { ...(nameOk ? {} : { username: `Username: ${USERNAME_WORDS}` }), ...newPasswordProblems(password, passwordAgain) };
}
