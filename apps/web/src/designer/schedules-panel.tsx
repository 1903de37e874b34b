/** A workflow's schedules: their next runs and latest runs, and what an operator does with them. */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useRefusal } from "../auth/permissions.ts";
import { api, errorMessage } from "../lib/api.ts";
import { Link } from "../lib/link.tsx";
import { ScheduleForm, type Schedule } from "./schedule-form.tsx";
import { inZone, RunTimes, timingWords } from "./schedule-words.tsx";

/** How often the list is read again: a schedule's runs appear as they start. */
const REFRESH_MS = 2_000;

export function SchedulesPanel({ name, onClose }: { name: string; onClose(): void }) {
  const queryClient = useQueryClient();
  const schedules = useQuery({ queryKey: ["schedules", name], queryFn: () => api.schedules.list.query({ workflowName: name }), refetchInterval: REFRESH_MS });
  const notOperator = useRefusal("operate");
  // null: no form; "new"; or the schedule being edited.
  const [editing, setEditing] = useState<Schedule | "new" | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["schedules", name] });

  const act = async (action: () => Promise<unknown>) => {
    setMessage(null);
    try {
      await action();
    } catch (error) {
      setMessage(errorMessage(error));
    }
    await refresh();
  };

  return (
    <section className="schedules" data-testid="schedules" aria-label="Schedules">
      <header>
        <h2>Schedules</h2>
        <button type="button" onClick={onClose} aria-label="Close schedules">
          ×
        </button>
      </header>
      {message && (
        <p className="problem" role="alert">
          {message}
        </p>
      )}
      {editing === null ? (
        <button type="button" data-testid="schedule-new" disabled={notOperator !== null} title={notOperator ?? "Start this workflow on a timetable"} onClick={() => setEditing("new")}>
          New schedule
        </button>
      ) : (
        <ScheduleForm
          key={editing === "new" ? "new" : editing.id}
          schedule={editing === "new" ? null : editing}
          onCancel={() => setEditing(null)}
          onSave={async (spec) => {
            if (editing === "new") await api.schedules.create.mutate({ workflowName: name, spec });
            else await api.schedules.update.mutate({ id: editing.id, spec });
            setEditing(null);
            await refresh();
          }}
        />
      )}
      {schedules.isError && <p className="problem">{errorMessage(schedules.error)}</p>}
      {schedules.data?.length === 0 && editing === null && <p className="hint">No schedules: this workflow starts only when someone starts it.</p>}
      <ul className="schedule-list">
        {schedules.data?.map((schedule) => (
          <li key={schedule.id} data-testid={`schedule-${schedule.id}`} className="schedule">
            <div className="schedule-head">
              <strong>{timingWords(schedule)}</strong> <span className="hint">{schedule.timeZone}</span>
              {schedule.paused && <span className="badge">paused</span>}
            </div>
            <RunTimes runs={schedule.nextRuns} timeZone={schedule.timeZone} label="Next runs" />
            {schedule.lastError && <p className="problem">{schedule.lastError}</p>}
            <RecentRuns runs={schedule.recentRuns} timeZone={schedule.timeZone} />
            <div className="schedule-actions">
              {schedule.paused ? (
                <button type="button" data-testid="schedule-resume" disabled={notOperator !== null} title={notOperator ?? undefined} onClick={() => void act(() => api.schedules.resume.mutate({ id: schedule.id }))}>
                  Resume
                </button>
              ) : (
                <button type="button" data-testid="schedule-pause" disabled={notOperator !== null} title={notOperator ?? undefined} onClick={() => void act(() => api.schedules.pause.mutate({ id: schedule.id }))}>
                  Pause
                </button>
              )}
              <button type="button" data-testid="schedule-trigger" disabled={notOperator !== null} title={notOperator ?? "Start a run now"} onClick={() => void act(() => api.schedules.trigger.mutate({ id: schedule.id }))}>
                Trigger now
              </button>
              <button type="button" data-testid="schedule-edit" disabled={notOperator !== null} title={notOperator ?? undefined} onClick={() => setEditing(schedule)}>
                Edit
              </button>
              <button
                type="button"
                data-testid="schedule-delete"
                disabled={notOperator !== null}
                title={notOperator ?? "The runs it started stay"}
                onClick={() => {
                  if (window.confirm(`Delete the schedule ${timingWords(schedule)}? The runs it started stay.`)) void act(() => api.schedules.delete.mutate({ id: schedule.id }));
                }}
              >
                Delete
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

function RecentRuns({ runs, timeZone }: { runs: Schedule["recentRuns"]; timeZone: string }) {
  if (runs.length === 0) return <p className="hint">No runs yet.</p>;
  return (
    <div className="run-times">
      <span className="hint">Latest runs</span>
      <ol data-testid="recent-runs">
        {runs.map((run) => (
          <li key={run.instanceId}>
            <Link to={{ page: "instance", id: run.instanceId }}>
              <time dateTime={run.scheduledAt}>{inZone(run.scheduledAt, timeZone)}</time>
            </Link>{" "}
            <span className={`status status-${run.runtimeStatus}`}>{run.runtimeStatus}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}
