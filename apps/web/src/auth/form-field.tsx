/** A labelled input of the sign-in and set-up forms, with its own error said next to it. */
import { useId } from "react";

export function FormField({
  label,
  testId,
  value,
  onChange,
  type = "text",
  autoComplete,
  hint,
  note,
  error,
  autoFocus,
}: {
  label: string;
  testId: string;
  value: string;
  onChange(value: string): void;
  type?: "text" | "password";
  autoComplete: string;
  hint?: string;
  /** What the typed value will mean, said while typing (announced politely, unlike an error). */
  note?: string | null;
  error?: string | null;
  autoFocus?: boolean;
}) {
  const id = useId();
  const described = [hint ? `${id}-hint` : null, note ? `${id}-note` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className={error ? "form-field invalid" : "form-field"}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        data-testid={testId}
        value={value}
        autoComplete={autoComplete}
        autoFocus={autoFocus}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {hint && (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      )}
      {/* Present while empty on fields that have notes: a live region must exist before what it announces. */}
      {note !== undefined && (
        <span id={`${id}-note`} className="note" data-testid={`${testId}-note`} aria-live="polite">
          {note}
        </span>
      )}
      {error && (
        <span id={`${id}-error`} className="error" data-testid={`${testId}-error`}>
          {error}
        </span>
      )}
    </div>
  );
}
