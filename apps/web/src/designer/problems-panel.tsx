/**
 * The problems list: every validation problem under the title of the step it is about, with the
 * id beside it; clicking one selects and shows its step. Problems of the workflow as a whole have
 * no step to show, and are listed as plain text rather than as a button that does nothing.
 */
import type { Problem } from "@flowcraft/definition";
import { toCanvasModel } from "@flowcraft/definition/editor";
import { useReactFlow } from "@xyflow/react";
import { useMemo } from "react";
import { useDesigner } from "./store.ts";

export function ProblemsPanel({ problems }: { problems: Problem[] }) {
  const select = useDesigner((s) => s.select);
  const definition = useDesigner((s) => s.definition);
  const titles = useMemo(() => new Map(toCanvasModel(definition).nodes.map((node) => [node.id, node.title])), [definition]);
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
          {problems.map((problem, i) => {
            const nodeId = problem.nodeId;
            const what = problem.field ? <code>{problem.field}</code> : null;
            return (
              <li key={`${problem.path}:${i}`}>
                {nodeId ? (
                  <button
                    type="button"
                    onClick={() => {
                      select([nodeId]);
                      void flow.fitView({ nodes: [{ id: nodeId }], duration: 200, maxZoom: 1.2 });
                    }}
                  >
                    <StepName title={titles.get(nodeId) ?? nodeId} id={nodeId} />
                    {what} {problem.message}
                  </button>
                ) : (
                  <p className="workflow-problem">
                    <strong>Workflow</strong>
                    {what} {problem.message}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** A step's title, and its id in smaller type when the two differ. */
function StepName({ title, id }: { title: string; id: string }) {
  return (
    <>
      <strong>{title}</strong>
      {title !== id && <span className="step-id"> {id}</span>}
    </>
  );
}
