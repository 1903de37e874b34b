/**
 * Where an instance comes from and what came of it: "Re-run of X" and "Re-runs: Y, Z"; for
 * sub-workflows, the parent that started it and the children it started.
 */
import { useQuery } from "@tanstack/react-query";
import { api, errorMessage } from "../lib/api.ts";
import { Link } from "../lib/link.tsx";
import { RERUN_WORDS, STATUS_WORDS } from "./instance-types.ts";
import { queryKeys } from "./query-keys.ts";

/** Children named in the links; a fan-out's others are counted, and each step's panel links to its own. */
const CHILDREN_SHOWN = 10;

export function InstanceLinks({ instanceId }: { instanceId: string }) {
  const related = useQuery({ queryKey: queryKeys.related(instanceId), queryFn: () => api.instances.related.query({ id: instanceId }) });
  if (related.isError) return <p className="error">Could not load re-runs: {errorMessage(related.error)}</p>;
  const { origin, reruns, parent, children, childrenTotal } = related.data ?? { origin: null, reruns: [], parent: null, children: [], childrenTotal: 0 };
  if (!origin && reruns.length === 0 && !parent && children.length === 0) return null;
  return (
    <div className="instance-links" data-testid="instance-links">
      {origin && (
        <p data-testid="rerun-of">
          Re-run of <Link to={{ page: "instance", id: origin.instanceId }}>{origin.instanceId}</Link> <span className="hint">({RERUN_WORDS[origin.kind]})</span>
        </p>
      )}
      {parent && (
        <p data-testid="child-of">
          Started by step <code>{parent.stepId}</code> of <Link to={{ page: "instance", id: parent.instanceId }}>{parent.instanceId}</Link>
        </p>
      )}
      {children.length > 0 && (
        <p data-testid="children">
          Children:{" "}
          {children.slice(0, CHILDREN_SHOWN).map((child, i) => (
            <span key={child.instanceId}>
              {i > 0 && ", "}
              <Link to={{ page: "instance", id: child.instanceId }}>{child.instanceId}</Link>{" "}
              <span className="hint">
                ({child.stepId}
                {child.attempt > 1 ? `, attempt ${child.attempt}` : ""}, {STATUS_WORDS[child.runtimeStatus].toLowerCase()})
              </span>
            </span>
          ))}
          {childrenTotal > CHILDREN_SHOWN && <span className="hint"> and {childrenTotal - CHILDREN_SHOWN} more</span>}
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
