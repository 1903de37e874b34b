/**
 * What is selected in the instances list, and the actions that apply to all of it: the rows
 * ticked, or, once a whole page is ticked, every instance matching the filter.
 */
import { useState } from "react";
import { BulkDialog, type BulkTarget } from "./bulk-dialog.tsx";
import { BULK_CHOICES, count, type BulkChoice } from "./bulk-words.ts";

export interface BulkSelection {
  ids: string[];
  /** Every instance the filter matches, not only the rows ticked. */
  allMatching: boolean;
}

/** The one workflow of every instance selected, when it is known: from the filter, or from the rows on this page. */
function workflowOfSelection(selection: BulkSelection, rows: ReadonlyArray<{ instanceId: string; workflowName: string }>, filter: { workflowName?: string | undefined }): string | null {
  if (selection.allMatching) return filter.workflowName ?? null;
  const names = new Set(selection.ids.map((id) => rows.find((row) => row.instanceId === id)?.workflowName));
  const [only] = names;
  return names.size === 1 && only !== undefined ? only : null;
}

export function BulkActionBar({
  selection,
  rows,
  matching,
  filter,
  onSelect,
  onStarted,
}: {
  selection: BulkSelection;
  /** The rows of this page. */
  rows: ReadonlyArray<{ instanceId: string; workflowName: string }>;
  /** How many instances the filter matches now; null while unknown. */
  matching: number | null;
  filter: Extract<BulkTarget, { filter: unknown }>["filter"];
  onSelect(next: BulkSelection): void;
  onStarted(jobId: string): void;
}) {
  const [choice, setChoice] = useState<BulkChoice | null>(null);
  const pageIds = rows.map((row) => row.instanceId);
  const wholePage = pageIds.length > 0 && pageIds.every((id) => selection.ids.includes(id));
  const total = selection.allMatching ? (matching ?? 0) : selection.ids.length;
  const target: BulkTarget = selection.allMatching ? { filter, total } : { instanceIds: selection.ids };
  const nothing = !selection.allMatching && selection.ids.length === 0;
  // Always there, the same height, so that ticking a row never moves the rows under the pointer.
  return (
    <section className={nothing ? "bulk-bar idle" : "bulk-bar"} aria-label="Bulk actions" data-testid="bulk-bar">
      <div className="bulk-summary">
        <span className={nothing ? "bulk-selected none" : "bulk-selected"} data-testid="bulk-selected" aria-live="polite">
          {nothing
            ? "Tick instances to act on them together"
            : selection.allMatching
              ? `All ${count(total, "instance")} matching this filter`
              : `${count(selection.ids.length, "instance")} selected`}
        </span>
        {!selection.allMatching && wholePage && matching !== null && matching > selection.ids.length && (
          <button type="button" className="link-button" data-testid="select-all-matching" onClick={() => onSelect({ ids: selection.ids, allMatching: true })}>
            Select all {count(matching, "instance")} matching this filter
          </button>
        )}
        {!nothing && (
          <button type="button" className="link-button bulk-clear" data-testid="bulk-clear" onClick={() => onSelect({ ids: [], allMatching: false })}>
            Clear selection
          </button>
        )}
      </div>
      <div className="bulk-buttons">
        {BULK_CHOICES.map(({ choice: each, label, danger }) => (
          <button key={each} type="button" className={danger ? "danger-outline" : undefined} data-testid={`bulk-${each}`} disabled={total === 0} onClick={() => setChoice(each)}>
            {label}
          </button>
        ))}
      </div>
      {choice && (
        <BulkDialog
          choice={choice}
          target={target}
          workflowName={workflowOfSelection(selection, rows, filter)}
          onClose={() => setChoice(null)}
          onDone={(job) => {
            setChoice(null);
            onSelect({ ids: [], allMatching: false });
            onStarted(job.jobId);
          }}
        />
      )}
    </section>
  );
}
