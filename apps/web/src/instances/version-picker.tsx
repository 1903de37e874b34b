/**
 * Picking one of a workflow's published versions, newest first and chosen until another is: for
 * re-running an instance, or many, on a version.
 */
import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { api, errorMessage } from "../lib/api.ts";
import { clockTime } from "../instance-view/time-words.ts";
import { queryKeys } from "./query-keys.ts";

/** The workflow's versions (fetched only while `enabled`), and the one picked. */
export function useVersionPick(workflowName: string | null, enabled = true) {
  const versions = useQuery({
    queryKey: queryKeys.versions(workflowName ?? ""),
    queryFn: () => api.workflows.versions.query({ name: workflowName! }),
    enabled: enabled && workflowName !== null,
  });
  const [chosen, setChosen] = useState<number | null>(null);
  return { versions, version: chosen ?? versions.data?.[0]?.version ?? null, choose: setChosen };
}

/** The versions as a list to pick from, each with when and by whom it was published; `current` is marked as the instance's. */
export function VersionSelect({
  label,
  testId,
  pick,
  current,
}: {
  label: string;
  testId: string;
  pick: ReturnType<typeof useVersionPick>;
  current?: number;
}) {
  const { versions, version, choose } = pick;
  const id = useId();
  const now = new Date();
  return (
    <>
      {versions.isError && (
        <p role="alert" className="error">
          Could not load the versions: {errorMessage(versions.error)}
        </p>
      )}
      <label htmlFor={id}>{label}</label>
      <select id={id} data-testid={testId} value={version ?? ""} disabled={!versions.data} onChange={(e) => choose(Number(e.target.value))} autoFocus>
        {versions.data?.map((v) => (
          <option key={v.version} value={v.version}>
            version {v.version}
            {v.version === current ? " (this instance's)" : ""} · published {clockTime(v.createdAt, now)}
            {v.publishedBy ? ` by ${v.publishedBy}` : ""}
          </option>
        ))}
      </select>
    </>
  );
}
