/**
 * The version a bulk re-run puts each instance on. When every instance is of one workflow, its
 * published versions are offered, newest first and chosen; otherwise a version number, which
 * each instance takes of its own workflow (one that lacks it is counted as refused).
 */
import { useId, useState } from "react";
import { useVersionPick, VersionSelect } from "./version-picker.tsx";

export function useBulkVersion(workflowName: string | null, enabled: boolean) {
  const pick = useVersionPick(workflowName, enabled);
  const [typed, setTyped] = useState("");
  const id = useId();
  const typedVersion = /^[1-9][0-9]{0,8}$/.test(typed.trim()) ? Number(typed.trim()) : null;
  const version = workflowName !== null ? pick.version : typedVersion;

  const field =
    workflowName !== null ? (
      <VersionSelect label={`Version of ${workflowName}`} testId="bulk-version" pick={pick} />
    ) : (
      <>
        <label htmlFor={id}>Version (of each instance's own workflow; the selection spans several or is not all on this page)</label>
        <input id={id} data-testid="bulk-version" inputMode="numeric" value={typed} onChange={(e) => setTyped(e.target.value)} autoFocus />
        {typed.trim() !== "" && typedVersion === null && <p className="error">A version is a whole number from 1.</p>}
      </>
    );
  return { version, field };
}
