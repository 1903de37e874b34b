/**
 * The problems list: every validation problem, each selecting its node when clicked, and first
 * those of JSON editor text that makes no definition, each placing the editor's cursor there.
 */
import type { Problem } from "@flowcraft/definition";
import { useReactFlow } from "@xyflow/react";
import type { TextProblem } from "./json-text.ts";
import { useDesigner } from "./store.ts";

interface ProblemsPanelProps {
  problems: Problem[];
  textProblems: TextProblem[];
  onTextProblem(problem: TextProblem): void;
}

export function ProblemsPanel({ problems, textProblems, onTextProblem }: ProblemsPanelProps) {
  const select = useDesigner((s) => s.select);
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
