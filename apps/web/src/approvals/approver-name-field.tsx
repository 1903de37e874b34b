/** The "Your name" field: who the approvals decided here are recorded as. */
import { useId } from "react";
import { setApproverName, useApproverName } from "./approver-name.ts";
import "./approvals.css";

export function ApproverNameField() {
  const name = useApproverName();
  const id = useId();
  return (
    <div className="approver-name">
      <label htmlFor={id}>Your name</label>
      <input
        id={id}
        data-testid="approver-name"
        value={name}
        autoComplete="name"
        placeholder="recorded with each decision"
        onChange={(e) => setApproverName(e.target.value)}
        aria-describedby={`${id}-hint`}
      />
      <span id={`${id}-hint`} className="hint">
        Kept in this browser; recorded as the approver of each decision you make.
      </span>
    </div>
  );
}
