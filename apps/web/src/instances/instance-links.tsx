/** Where an instance comes from and what came of it: "Re-run of X" and "Re-runs: Y, Z". */
import { useQuery } from "@tanstack/react-query";
import { api, errorMessage } from "../lib/api.ts";
import { Link } from "../lib/link.tsx";
import { RERUN_WORDS, STATUS_WORDS } from "./instance-types.ts";
import { queryKeys } from "./query-keys.ts";

export function InstanceLinks({ instanceId }: { instanceId: string }) {
  const related = useQuery({ queryKey: queryKeys.related(instanceId), queryFn: () => api.instances.related.query({ id: instanceId }) });
  if (related.isError) return <p className="error">Could not load re-runs: {errorMessage(related.error)}</p>;
  const { origin, reruns } = related.data ?? { origin: null, reruns: [] };
  if (!origin && reruns.length === 0) return null;
  return (
    <div className="instance-links" data-testid="instance-links">
      {origin && (
        <p data-testid="rerun-of">
          Re-run of <Link to={{ page: "instance", id: origin.instanceId }}>{origin.instanceId}</Link> <span className="hint">({RERUN_WORDS[origin.kind]})</span>
        </p>
      )}
      {reruns.length > 0 && (
        <p data-testid="reruns">
          Re-runs:{" "}
          {reruns.map((rerun, i) => (
            <span key={rerun.instanceId}>
              {i > 0 && ", "}
              <Link to={{ page: "instance", id: rerun.instanceId }}>{rerun.instanceId}</Link>{" "}
              <span className="hint">
                ({RERUN_WORDS[rerun.kind]}, {STATUS_WORDS[rerun.runtimeStatus].toLowerCase()})
              </span>
            </span>
          ))}
        </p>
      )}
    </div>
  );
}
