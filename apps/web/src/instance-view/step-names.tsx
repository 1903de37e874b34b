/**
 * Steps by the names people gave them: the definition's node `title` first, the id (or the place
 * key of a map iteration) after it, smaller, since ids are what the history and expressions use.
 */
import { allGraphs, type Definition } from "@flowcraft/definition";

/** The titles set in a definition, by node id; steps without one are not listed. */
export function stepTitlesOf(definition: Definition | undefined): ReadonlyMap<string, string> {
  const titles = new Map<string, string>();
  if (!definition) return titles;
  for (const { graph } of allGraphs(definition)) {
    for (const [id, node] of Object.entries(graph.nodes)) if (node.title && node.title !== id) titles.set(id, node.title);
  }
  return titles;
}

/** A step's title with its id (or place key) secondary; the id alone when it has no title. */
export function StepName({ id, title }: { id: string; title: string | undefined }) {
  if (!title) return <>{id}</>;
  return (
    <>
      <span className="step-name-title">{title}</span> <span className="step-name-id">{id}</span>
    </>
  );
}
