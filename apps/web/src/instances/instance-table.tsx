/**
 * Instances as rows: id, workflow, status with what a waiting instance waits on, times, and a
 * disclosure per row with its actions and re-run links.
 */
import { Fragment, useState } from "react";
import { clockTime, timeAgo } from "../instance-view/time-words.ts";
import { useNow } from "../instance-view/use-now.ts";
import { Link } from "../lib/link.tsx";
import { fullTime } from "./full-time.ts";
import { InstanceActions } from "./instance-actions.tsx";
import { InstanceLinks } from "./instance-links.tsx";
import { RERUN_WORDS, STATUS_WORDS, type InstanceRow } from "./instance-types.ts";
import { waitWords } from "./wait-words.ts";
import "./instances.css";

/** Row checkboxes, for bulk actions: shown only to those who may take them. */
export interface RowSelection {
  selected: ReadonlySet<string>;
  /** Every instance matching the filter is selected: every box is ticked and none can be unticked alone. */
  allMatching: boolean;
  onChange(ids: string[], selected: boolean): void;
}

export function InstanceTable({ rows, selection }: { rows: InstanceRow[]; selection?: RowSelection }) {
  const [expanded, setExpanded] = useState<string | null>(null);
  const now = useNow(true, 5_000);
  const columns = selection ? 7 : 6;
  const ticked = (id: string) => (selection ? selection.allMatching || selection.selected.has(id) : false);
  const pageTicked = rows.length > 0 && rows.every((row) => ticked(row.instanceId));
  const somePageTicked = rows.some((row) => ticked(row.instanceId));
  return (
    <table className="instance-table" data-testid="instance-list">
      <thead>
        <tr>
          {selection && (
            <th scope="col" className="select-cell">
              <input
                type="checkbox"
                data-testid="select-page"
                aria-label="Select every instance on this page"
                checked={pageTicked}
                ref={(box) => {
                  if (box) box.indeterminate = somePageTicked && !pageTicked;
                }}
                onChange={(e) => selection.onChange(rows.map((row) => row.instanceId), e.target.checked)}
              />
            </th>
          )}
          <th scope="col">Instance</th>
          <th scope="col">Workflow</th>
          <th scope="col">Status</th>
          <th scope="col">Created</th>
          <th scope="col">Updated</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const open = expanded === row.instanceId;
          const detailsId = `instance-details-${row.instanceId}`;
          return (
            <Fragment key={row.instanceId}>
              <tr data-testid={`instance-row-${row.instanceId}`} data-status={row.runtimeStatus} className={[open ? "expanded" : "", ticked(row.instanceId) ? "selected" : ""].join(" ").trim() || undefined}>
                {selection && (
                  <td className="select-cell">
                    <input
                      type="checkbox"
                      data-testid={`select-${row.instanceId}`}
                      aria-label={`Select ${row.instanceId}`}
                      checked={ticked(row.instanceId)}
                      onChange={(e) => selection.onChange([row.instanceId], e.target.checked)}
                    />
                  </td>
                )}
                <td>
                  <Link to={{ page: "instance", id: row.instanceId }} className="instance-id">
                    {row.instanceId}
                  </Link>
                  {row.origin && (
                    <div className="hint">
                      {RERUN_WORDS[row.origin.kind]}: <Link to={{ page: "instance", id: row.origin.instanceId }}>{row.origin.instanceId}</Link>
                    </div>
                  )}
                </td>
                <td>
                  {row.workflowName}{" "}
                  {row.test ? (
                    <span className="test-chip" data-testid="test-chip" title="A test run of a draft from the designer, not of a published version">
                      Test
                    </span>
                  ) : (
                    <span className="hint">v{row.workflowVersion}</span>
                  )}
                </td>
                <td>
                  <span className={`status-badge status-${row.runtimeStatus}`} data-testid="instance-status">
                    {STATUS_WORDS[row.runtimeStatus]}
                  </span>
                  {row.waitingOn.map((wait) => (
                    <div key={`${wait.node}:${wait.kind}`} className="waiting-on" data-testid="waiting-on" title={wait.until ? `until ${fullTime(wait.until)}` : undefined}>
                      {wait.approval && <span className="tag">approval</span>} {waitWords(wait, now)}
                    </div>
                  ))}
                  {row.failure && (
                    <div className="failed-with" data-testid="failed-with" title={row.failure.message}>
                      {row.failure.name}
                      {row.failure.node && <> at {row.failure.node}</>}
                    </div>
                  )}
                  {row.waitingOnTotal > row.waitingOn.length && (
                    <div className="hint" data-testid="waiting-on-more">
                      and {row.waitingOnTotal - row.waitingOn.length} more waits
                    </div>
                  )}
                </td>
                <td title={fullTime(row.createdAt)}>{clockTime(row.createdAt, now)}</td>
                <td title={fullTime(row.lastUpdatedAt)}>{timeAgo(row.lastUpdatedAt, now)}</td>
                <td>
                  <button
                    type="button"
                    data-testid={`row-actions-${row.instanceId}`}
                    aria-expanded={open}
                    aria-controls={open ? detailsId : undefined}
                    aria-label={`Actions on ${row.instanceId}`}
                    onClick={() => setExpanded(open ? null : row.instanceId)}
                  >
                    Actions {open ? "▴" : "▾"}
                  </button>
                </td>
              </tr>
              {open && (
                <tr className="instance-details" id={detailsId}>
                  <td colSpan={columns}>
                    <InstanceLinks instanceId={row.instanceId} />
                    <InstanceActions instance={row} />
                  </td>
                </tr>
              )}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}
