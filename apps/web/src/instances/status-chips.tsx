/**
 * The status filter as chips, each with its count: several statuses can be picked at once, and
 * "Waiting" (instances parked on an event or a timer) is a chip of its own.
 */
import type { InstanceFilter } from "./filters.ts";
import { toggleStatus } from "./filters.ts";
import { RUNTIME_STATUSES, STATUS_WORDS, type StatusCounts } from "./instance-types.ts";
import "./instances.css";

export function StatusChips({ filter, counts, onChange }: { filter: InstanceFilter; counts: StatusCounts | undefined; onChange(filter: InstanceFilter): void }) {
  const total = counts ? Object.values(counts.byStatus).reduce((sum, n) => sum + n, 0) : undefined;
  const everything = filter.statuses.length === 0 && !filter.waiting;
  return (
    <div className="status-chips" role="group" aria-label="Status" data-testid="instance-filter-status">
      <Chip label="All" count={total} pressed={everything} countTestId="total-count" onClick={() => onChange({ ...filter, statuses: [], waiting: false })} />
      {RUNTIME_STATUSES.map((status) => (
        <Chip
          key={status}
          label={STATUS_WORDS[status]}
          status={status}
          count={counts?.byStatus[status]}
          pressed={filter.statuses.includes(status)}
          countTestId={`status-count-${status}`}
          onClick={() => onChange(toggleStatus(filter, status))}
        />
      ))}
      <Chip
        label="Waiting"
        status="WAITING"
        count={counts?.waiting}
        pressed={filter.waiting}
        countTestId="waiting-count"
        onClick={() => onChange({ ...filter, waiting: !filter.waiting })}
      />
    </div>
  );
}

function Chip({ label, status, count, pressed, countTestId, onClick }: { label: string; status?: string; count: number | undefined; pressed: boolean; countTestId: string; onClick(): void }) {
  return (
    <button type="button" className={`chip status-${status ?? "ALL"}`} aria-pressed={pressed} onClick={onClick}>
      {label}
      <span className="chip-count" data-testid={countTestId}>
        {count ?? "…"}
      </span>
    </button>
  );
}
