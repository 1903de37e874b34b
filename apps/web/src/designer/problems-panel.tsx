/**
 * The problems list: first those of JSON editor text that makes no definition, each placing the
 * editor's cursor there; then every validation problem under the title of the step it is about,
 * with the id beside it, clicking one selecting and showing its step. Problems of the workflow as
 * a whole have no step to show, and are listed as plain text rather than as a button that does
 * nothing.
 */
import type { Problem } from "@flowcraft/definition";
import { toCanvasModel } from "@flowcraft/definition/editor";
import { useReactFlow } from "@xyflow/react";
import { useMemo } from "react";
import type { TextProblem } from "./json-text.ts";
import { useDesigner } from "./store.ts";

interface ProblemsPanelProps {
  problems: Problem[];
  textProblems: TextProblem[];
  onTextProblem(problem: TextProblem): void;
}

export function ProblemsPanel({ problems, textProblems, onTextProblem }: ProblemsPanelProps) {
  const select = useDesigner((s) => s.select);
  const definition = useDesigner((s) => s.definition);
  const titles = useMemo(() => new Map(toCanvasModel(definition).nodes.map((node) => [node.id, node.title])), [definition]);
  const flow = useReactFlow();
  const count = problems.length + textProblems.length;
  return (
    <section className="problems" data-testid="problems" aria-label="Problems">
      <h2>
        Problems <span className={`count${count === 0 ? " none" : ""}`}>{count}</span>
      </h2>
      {count === 0 ? (
        <p className="ok">No problems: this workflow can be published.</p>
      ) : (
        <ul>
          {textProblems.map((problem, i) => (
            <li key={`json:${problem.from}:${i}`} data-testid="json-problem">
              <button type="button" onClick={() => onTextProblem(problem)}>
                <strong>JSON line {problem.line}, column {problem.column}</strong> {problem.message}
              </button>
            </li>
          ))}
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
