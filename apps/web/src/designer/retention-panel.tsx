/** How long the workflow's ended instances are kept before the workers purge them: the installation's default, some days, or for ever. */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState, type FormEvent } from "react";
import { useRefusal } from "../auth/permissions.ts";
import { api, errorMessage } from "../lib/api.ts";

type Choice = "default" | "days" | "forever";

const daysWords = (days: number) => (days === 0 ? "for ever" : `${days} day${days === 1 ? "" : "s"}`);

export function RetentionPanel({ name, onClose }: { name: string; onClose(): void }) {
  const queryClient = useQueryClient();
  const notOperator = useRefusal("operate");
  const retention = useQuery({ queryKey: ["retention", name], queryFn: () => api.workflows.retention.query({ name }), retry: false });
  const [choice, setChoice] = useState<Choice>("default");
  const [days, setDays] = useState("30");
  const [message, setMessage] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    const setting = retention.data?.retentionDays;
    if (setting === undefined) return;
    setChoice(setting === null ? "default" : setting === 0 ? "forever" : "days");
    setDays(String(setting || retention.data!.defaultRetentionDays || 30));
  }, [retention.data]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setMessage(null);
    const typed = Number(days);
    if (choice === "days" && (!Number.isInteger(typed) || typed < 1)) {
      setMessage("Days must be a whole number of at least 1 (keep for ever instead of 0)");
      return;
    }
    const retentionDays = choice === "default" ? null : choice === "forever" ? 0 : typed;
    setSaving(true);
    try {
      await api.workflows.setRetention.mutate({ name, retentionDays });
      await queryClient.invalidateQueries({ queryKey: ["retention", name] });
    } catch (error) {
      setMessage(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  const data = retention.data;
  return (
    <section className="schedules" data-testid="retention" aria-label="Retention">
      <header>
        <h2>Retention</h2>
        <button type="button" onClick={onClose} aria-label="Close retention">
          ×
        </button>
      </header>
      {retention.isError && <p className="problem">{errorMessage(retention.error)}</p>}
      {data && (
        <p className="hint" data-testid="retention-effective">
          {data.effectiveRetentionDays === 0
            ? "Ended instances are kept for ever."
            : `Completed, failed and terminated instances are purged ${daysWords(data.effectiveRetentionDays)} after they end, with their history.`}
        </p>
      )}
      {data && (
        <form onSubmit={(event) => void save(event)}>
          <fieldset className="retention-choices" disabled={notOperator !== null || saving} title={notOperator ?? undefined}>
            <label>
              <input type="radio" name="retention" checked={choice === "default"} onChange={() => setChoice("default")} /> The installation's ({daysWords(data.defaultRetentionDays)})
            </label>
            <label>
              <input type="radio" name="retention" checked={choice === "days"} onChange={() => setChoice("days")} /> Days:{" "}
              <input type="number" min={1} max={36_500} step={1} value={days} aria-label="Days to keep" onChange={(event) => (setDays(event.target.value), setChoice("days"))} className="retention-days" />
            </label>
            <label>
              <input type="radio" name="retention" checked={choice === "forever"} onChange={() => setChoice("forever")} /> For ever
            </label>
            <button type="submit" data-testid="retention-save">
              Save
            </button>
          </fieldset>
        </form>
      )}
      {message && (
        <p className="problem" role="alert">
          {message}
        </p>
      )}
    </section>
  );
}
