/** Signing in: the server says when the username or password is wrong, or when to try again. */
import { useState, type FormEvent } from "react";
import { FormField } from "./form-field.tsx";
import { signIn } from "./session.ts";
import "./auth.css";

export function SignInPage({ notice }: { notice: string | null }) {
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      await signIn({ username: username.trim(), password });
    } catch (error) {
      setFailure((error as Error).message);
      setBusy(false);
    }
  };

  return (
    <main className="auth-page" data-testid="sign-in-page">
      <form className="auth-form" onSubmit={(event) => void submit(event)} aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">Sign in to Flowcraft</h1>
        {notice && (
          <p className="hint" role="status" data-testid="sign-in-notice">
            {notice}
          </p>
        )}
        <FormField label="Username" testId="login-username" value={username} onChange={setUsername} autoComplete="username" autoFocus />
        <FormField label="Password" testId="login-password" type="password" value={password} onChange={setPassword} autoComplete="current-password" />
        {failure && (
          <p className="error" role="alert" data-testid="login-error">
            {failure}
          </p>
        )}
        <button type="submit" className="primary" data-testid="login-submit" disabled={busy || username.trim() === "" || password === ""}>
          Sign in
        </button>
      </form>
    </main>
  );
}
