/** The compiled definition, read-only: exactly what publishing stores. */
import { useDesigner } from "./store.ts";

export function JsonView() {
  const definition = useDesigner((s) => s.definition);
  return (
    <section className="json-view" aria-label="Definition JSON">
      <pre data-testid="json-view">{JSON.stringify(definition, null, 2)}</pre>
    </section>
  );
}
