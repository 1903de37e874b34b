/**
 * The version a bulk re-run puts each instance on. When every instance is of one workflow, its
 * published versions are offered, newest first and chosen; otherwise a version number, which
 * each instance takes of its own workflow (one that lacks it is counted as refused).
 */
import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { api, errorMessage } from "../lib/api.ts";
import { clockTime } from "../instance-view/time-words.ts";
import { queryKeys } from "./query-keys.ts";

export function useBulkVersion(workflowName: string | null, enabled: boolean) {
  const versions = useQuery({
    queryKey: queryKeys.versions(workflowName ?? ""),
    queryFn: () => api.workflows.versions.query({ name: workflowName! }),
    enabled: enabled && workflowName !== null,
  });
  const [chosen, setChosen] = useState<number | null>(null);
  const [typed, setTyped] = useState("");
  const id = useId();
  const typedVersion = /^[1-9][0-9]{0,8}$/.test(typed.trim()) ? Number(typed.trim()) : null;
  const version = workflowName !== null ? (chosen ?? versions.data?.[0]?.version ?? null) : typedVersion;
  const now = new Date();

  const field =
    workflowName !== null ? (
      <>
        <label htmlFor={id}>Version of {workflowName}</label>
        {versions.isError && <p role="alert" className="error">Could not load the versions: {errorMessage(versions.error)}</p>}
        <select id={id} data-testid="bulk-version" value={version ?? ""} disabled={!versions.data} onChange={(e) => setChosen(Number(e.target.value))} autoFocus>
          {versions.data?.map((v) => (
            <option key={v.version} value={v.version}>
              version {v.version} · published {clockTime(v.createdAt, now)}
              {v.publishedBy ? ` by ${v.publishedBy}` : ""}
            </option>
          ))}
        </select>
      </>
    ) : (
      <>
        <label htmlFor={id}>Version (of each instance's own workflow; the selection spans several or is not all on this page)</label>
        <input id={id} data-testid="bulk-version" inputMode="numeric" value={typed} onChange={(e) => setTyped(e.target.value)} autoFocus />
        {typed.trim() !== "" && typedVersion === null && <p className="error">A version is a whole number from 1.</p>}
      </>
    );
  return { version, field };
}
