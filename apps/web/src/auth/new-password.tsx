/**
 * Setting a password, as the set-up page and the change-password dialog both ask for it: typed
 * twice, checked against the server's rule before sending, and the problems said by each field
 * and once more for screen readers.
 */
import { MIN_PASSWORD_LENGTH } from "@flowcraft/access";
import { FormField } from "./form-field.tsx";

export type NewPasswordProblems = {
  password?: string;
  again?: string;
};

/** What is wrong with a new password and its confirmation; empty when they may be sent. `word` names it ("password", "new password"). */
export function newPasswordProblems(password: string, again: string, word = "password"): NewPasswordProblems {
  if (password.length < MIN_PASSWORD_LENGTH) return { password: `The ${word} must be at least ${MIN_PASSWORD_LENGTH} characters long.` };
  if (password !== again) return { again: `The two ${word}s differ.` };
  return {};
}

export function NewPasswordFields({
  label,
  testId,
  password,
  again,
  onPassword,
  onAgain,
  problems,
}: {
  /** "Password", "New password": the confirmation is labelled "… again". */
  label: string;
  testId: string;
  password: string;
  again: string;
  onPassword(value: string): void;
  onAgain(value: string): void;
  problems: NewPasswordProblems;
}) {
  return (
    <>
      <FormField
        label={label}
        testId={testId}
        type="password"
        value={password}
        onChange={onPassword}
        autoComplete="new-password"
        hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
        error={problems.password}
      />
      <FormField label={`${label} again`} testId={`${testId}-again`} type="password" value={again} onChange={onAgain} autoComplete="new-password" error={problems.again} />
    </>
  );
}

/** The server's refusal, and every problem of the form in one announcement. */
export function FormAlerts({ failure, problems, testId }: { failure: string | null; problems: Record<string, string | undefined>; testId: string }) {
  const said = Object.values(problems).filter(Boolean);
  return (
    <>
      {failure && (
        <p className="error" role="alert" data-testid={testId}>
          {failure}
        </p>
      )}
      {said.length > 0 && (
        <p className="visually-hidden" role="alert">
          {said.join(" ")}
        </p>
      )}
    </>
  );
}
