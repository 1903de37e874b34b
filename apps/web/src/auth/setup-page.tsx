/**
 * The first visit to a fresh installation: whoever is first creates the owner account, which
 * holds every role. There is no default password; until this is done nothing else is reachable.
 */
import { useState, type FormEvent } from "react";
import { FormField } from "./form-field.tsx";
import { setUpOwner } from "./session.ts";
import { MIN_PASSWORD_LENGTH, USERNAME_PATTERN, USERNAME_WORDS } from "@flowcraft/access";
import "./auth.css";

interface SetupProblems {
  username?: string;
  password?: string;
  passwordAgain?: string;
}

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
        <h1 id="setup-title">Create the owner account</h1>
        <p className="hint">This installation has no accounts yet. The owner may do everything, including adding the other people and their roles.</p>
        <FormField label="Username" testId="setup-username" value={username} onChange={setUsername} autoComplete="username" hint={USERNAME_WORDS} error={problems.username} autoFocus />
        <FormField label="Display name (optional)" testId="setup-display-name" value={displayName} onChange={setDisplayName} autoComplete="name" />
        <FormField
          label="Password"
          testId="setup-password"
          type="password"
          value={password}
          onChange={setPassword}
          autoComplete="new-password"
          hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
          error={problems.password}
        />
        <FormField label="Password again" testId="setup-password-again" type="password" value={passwordAgain} onChange={setPasswordAgain} autoComplete="new-password" error={problems.passwordAgain} />
        {failure && (
          <p className="error" role="alert" data-testid="setup-error">
            {failure}
          </p>
        )}
        {Object.keys(problems).length > 0 && (
          <p className="visually-hidden" role="alert">
            {Object.values(problems).join(" ")}
          </p>
        )}
        <button type="submit" className="primary" data-testid="setup-submit" disabled={busy}>
          Create the owner account
        </button>
      </form>
    </main>
  );
}

function problemsOf(username: string, password: string, passwordAgain: string): SetupProblems {
  const problems: SetupProblems = {};
  if (!USERNAME_PATTERN.test(username.trim().toLowerCase())) problems.username = `Username: ${USERNAME_WORDS}`;
  if (password.length < MIN_PASSWORD_LENGTH) problems.password = `The password must be at least ${MIN_PASSWORD_LENGTH} characters long.`;
  else if (password !== passwordAgain) problems.passwordAgain = "The two passwords differ.";
  return problems;
}
