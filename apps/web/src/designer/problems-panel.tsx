/** The problems list: every validation problem, each selecting its node when clicked. */
import type { Problem } from "@flowcraft/definition";
import { useReactFlow } from "@xyflow/react";
import { useDesigner } from "./store.ts";

export function ProblemsPanel({ problems }: { problems: Problem[] }) {
  const select = useDesigner((s) => s.select);
  const flow = useReactFlow();
  return (
    <section className="problems" data-testid="problems" aria-label="Problems">
      <h2>
        Problems <span className={`count${problems.length === 0 ? " none" : ""}`}>{problems.length}</span>
      </h2>
      {problems.length === 0 ? (
        <p className="ok">No problems: this workflow can be published.</p>
      ) : (
        <ul>
          {problems.map((problem, i) => (
            <li key={`${problem.path}:${i}`}>
              <button
                type="button"
                disabled={!problem.nodeId}
                onClick={() => {
                  if (!problem.nodeId) return;
                  select([problem.nodeId]);
                  void flow.fitView({ nodes: [{ id: problem.nodeId }], duration: 200, maxZoom: 1.2 });
                }}
              >
                <strong>{problem.nodeId ?? "workflow"}</strong>
                {problem.field ? <code>{problem.field}</code> : null} {problem.message}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
