/**
 * Form fields of the inspector. Each shows the problems the compiler reports for its field, and
 * expression fields check their JSONata as you type, before the whole definition is validated.
 */
import { checkExpression, type Problem } from "@flowcraft/definition";
import { useEffect, useId, useState, type ReactNode } from "react";

export interface FieldProps<T> {
  label: string;
  value: T;
  onChange(value: T): void;
  /** Problems of this field from validation. */
  problems?: Problem[];
  hint?: string;
  testId?: string;
}

function FieldShell({ id, label, hint, errors, children }: { id: string; label: string; hint?: string; errors: string[]; children: ReactNode }) {
  return (
    <div className={`field${errors.length > 0 ? " invalid" : ""}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && <small className="hint">{hint}</small>}
      {errors.map((error) => (
        <small key={error} className="error" role="alert">
          {error}
        </small>
      ))}
    </div>
  );
}

export function TextField({ label, value, onChange, problems = [], hint, testId, list }: FieldProps<string> & { list?: string }) {
  const id = useId();
  return (
    <FieldShell id={id} label={label} hint={hint} errors={problems.map((p) => p.message)}>
      <input id={id} value={value} list={list} data-testid={testId} onChange={(e) => onChange(e.target.value)} aria-invalid={problems.length > 0} />
    </FieldShell>
  );
}

/** A JSONata expression; `optional` fields are removed from the node when emptied. */
export function ExpressionField({ label, value, onChange, problems = [], hint, testId }: FieldProps<string>) {
  const id = useId();
  const syntax = value.trim() === "" ? null : checkExpression(value);
  const errors = [...(syntax ? [syntax] : []), ...problems.map((p) => p.message).filter((m) => m !== syntax)];
  return (
    <FieldShell id={id} label={label} hint={hint ?? "JSONata over input, steps.<id>, item, index, state, error"} errors={errors}>
      <textarea
        id={id}
        className="expression"
        rows={value.length > 60 ? 3 : 1}
        spellCheck={false}
        value={value}
        data-testid={testId}
        aria-invalid={errors.length > 0}
        onChange={(e) => onChange(e.target.value)}
      />
    </FieldShell>
  );
}

/** A number; an empty box means "not set" (undefined), text that is not a number is kept as typed and reported. */
export function NumberField({ label, value, onChange, problems = [], hint, testId }: FieldProps<number | undefined>) {
  const id = useId();
  const [text, setText] = useState(value === undefined ? "" : String(value));
  useEffect(() => {
    if (value !== (text.trim() === "" ? undefined : Number(text))) setText(value === undefined ? "" : String(value));
  }, [value]); // eslint-disable-line react-hooks/exhaustive-deps
  const parsed = text.trim() === "" ? undefined : Number(text);
  const local = parsed !== undefined && !Number.isFinite(parsed) ? ["must be a number"] : [];
  return (
    <FieldShell id={id} label={label} hint={hint} errors={[...local, ...problems.map((p) => p.message)]}>
      <input
        id={id}
        inputMode="decimal"
        value={text}
        data-testid={testId}
        aria-invalid={local.length + problems.length > 0}
        onChange={(e) => {
          setText(e.target.value);
          const next = e.target.value.trim() === "" ? undefined : Number(e.target.value);
          if (next === undefined || Number.isFinite(next)) onChange(next);
        }}
      />
    </FieldShell>
  );
}

/** Seconds, or a JSONata expression yielding seconds: a plain number is stored as a number. */
export function DurationField({ label, value, onChange, problems = [], hint, testId }: FieldProps<number | string | undefined>) {
  const id = useId();
  const text = value === undefined ? "" : String(value);
  const isNumber = /^\s*\d+(\.\d+)?\s*$/.test(text);
  const syntax = text.trim() === "" || isNumber ? null : checkExpression(text);
  return (
    <FieldShell id={id} label={label} hint={hint ?? "Seconds, or a JSONata expression yielding seconds"} errors={[...(syntax ? [syntax] : []), ...problems.map((p) => p.message)]}>
      <input
        id={id}
        value={text}
        data-testid={testId}
        onChange={(e) => {
          const next = e.target.value;
          onChange(next.trim() === "" ? undefined : /^\s*\d+(\.\d+)?\s*$/.test(next) ? Number(next) : next);
        }}
      />
    </FieldShell>
  );
}

export function CheckboxField({ label, value, onChange, testId }: FieldProps<boolean>) {
  const id = useId();
  return (
    <div className="field checkbox">
      <input id={id} type="checkbox" checked={value} data-testid={testId} onChange={(e) => onChange(e.target.checked)} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

/** Comma-separated names as a list; empty means absent. */
export function ListField({ label, value, onChange, problems = [], hint, testId }: FieldProps<string[] | undefined>) {
  const id = useId();
  const [text, setText] = useState((value ?? []).join(", "));
  useEffect(() => {
    const current = text.split(",").map((s) => s.trim()).filter(Boolean);
    if (JSON.stringify(current) !== JSON.stringify(value ?? [])) setText((value ?? []).join(", "));
  }, [value]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <FieldShell id={id} label={label} hint={hint} errors={problems.map((p) => p.message)}>
      <input
        id={id}
        value={text}
        data-testid={testId}
        onChange={(e) => {
          setText(e.target.value);
          const items = e.target.value.split(",").map((s) => s.trim()).filter(Boolean);
          onChange(items.length > 0 ? items : undefined);
        }}
      />
    </FieldShell>
  );
}
