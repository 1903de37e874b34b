/** Creating or editing a schedule: cron or interval, zone, overlap and input, with the next runs previewed as it is typed. */
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ModalActions } from "../instances/modal.tsx";
import { api, errorMessage } from "../lib/api.ts";
import { RunTimes } from "./schedule-words.tsx";

export type Schedule = Awaited<ReturnType<typeof api.schedules.list.query>>[number];
type Spec = Parameters<typeof api.schedules.create.mutate>[0]["spec"];

const UNITS = { seconds: 1, minutes: 60, hours: 3_600, days: 86_400 } as const;
type Unit = keyof typeof UNITS;
const OVERLAPS = [
  ["skip", "Skip while the previous run runs"],
  ["buffer_one", "Buffer one until it ends"],
  ["allow_all", "Allow all"],
  ["terminate_previous", "Terminate the previous run"],
] as const;

interface FormState {
  mode: "cron" | "interval";
  cron: string;
  every: string;
  unit: Unit;
  timeZone: string;
  overlap: Spec["overlap"] & string;
  input: string;
}

function initialState(schedule: Schedule | null): FormState {
  const interval = schedule?.intervalSeconds ?? null;
  const unit = (Object.keys(UNITS) as Unit[]).reverse().find((u) => interval !== null && interval % UNITS[u] === 0) ?? "minutes";
  return {
    mode: interval !== null ? "interval" : "cron",
    cron: schedule?.cron ?? "0 9 * * 1-5",
    every: interval !== null ? String(interval / UNITS[unit]) : "15",
    unit,
    timeZone: schedule?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
    overlap: (schedule?.overlap ?? "skip") as FormState["overlap"],
    input: JSON.stringify(schedule?.input ?? null),
  };
}

/** The timing the form says, as the preview and the server take it. */
function timingOf(form: FormState) {
  return form.mode === "cron" ? { cron: form.cron, timeZone: form.timeZone } : { intervalSeconds: Number(form.every) * UNITS[form.unit], timeZone: form.timeZone };
}

export function ScheduleForm({ schedule, onSave, onCancel }: { schedule: Schedule | null; onSave(spec: Spec): Promise<void>; onCancel(): void }) {
  const [form, setForm] = useState(() => initialState(schedule));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const timing = timingOf(form);
  const preview = useQuery({ queryKey: ["schedule-preview", timing], queryFn: () => api.schedules.preview.query(timing), retry: false });
  const set = <K extends keyof FormState>(key: K) => (value: FormState[K]) => setForm((last) => ({ ...last, [key]: value }));

  const submit = async () => {
    let input: unknown;
    try {
      input = JSON.parse(form.input || "null");
    } catch {
      setError("The input is not JSON.");
      return;
    }
    setBusy(true);
    try {
      await onSave({ ...timing, overlap: form.overlap, input: input as Spec["input"] });
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
    }
  };

  return (
    <form
      className="schedule-form"
      data-testid="schedule-form"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <div className="schedule-mode" role="radiogroup" aria-label="Timing">
        <label>
          <input type="radio" checked={form.mode === "cron"} onChange={() => set("mode")("cron")} /> Cron
        </label>
        <label>
          <input type="radio" checked={form.mode === "interval"} onChange={() => set("mode")("interval")} data-testid="schedule-mode-interval" /> Every
        </label>
      </div>
      {form.mode === "cron" ? (
        <label>
          Cron <span className="hint">(minute hour day month weekday; a sixth field first for seconds)</span>
          <input data-testid="schedule-cron" value={form.cron} onChange={(e) => set("cron")(e.target.value)} spellCheck={false} />
        </label>
      ) : (
        <div className="schedule-every">
          <input aria-label="Every how many" data-testid="schedule-every" type="number" min={1} value={form.every} onChange={(e) => set("every")(e.target.value)} />
          <select aria-label="Unit" value={form.unit} onChange={(e) => set("unit")(e.target.value as Unit)}>
            {Object.keys(UNITS).map((unit) => (
              <option key={unit}>{unit}</option>
            ))}
          </select>
        </div>
      )}
      <label>
        Time zone
        <input data-testid="schedule-zone" value={form.timeZone} onChange={(e) => set("timeZone")(e.target.value)} spellCheck={false} />
      </label>
      <label>
        When the previous run still runs
        <select data-testid="schedule-overlap" value={form.overlap} onChange={(e) => set("overlap")(e.target.value as FormState["overlap"])}>
          {OVERLAPS.map(([value, words]) => (
            <option key={value} value={value}>
              {words}
            </option>
          ))}
        </select>
      </label>
      <label>
        Input (JSON)
        <input data-testid="schedule-input" value={form.input} onChange={(e) => set("input")(e.target.value)} spellCheck={false} />
      </label>
      <div className="schedule-preview" data-testid="schedule-preview" aria-live="polite">
        {preview.isError ? <p className="problem">{errorMessage(preview.error)}</p> : <RunTimes runs={preview.data ?? []} timeZone={form.timeZone} label="Next runs" />}
      </div>
      <ModalActions confirmLabel={schedule ? "Save schedule" : "Create schedule"} onConfirm={() => void submit()} onCancel={onCancel} disabled={preview.isError} busy={busy} error={error} />
    </form>
  );
}
