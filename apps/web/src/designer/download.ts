/** Saving a definition to the person's computer, as a JSON file Import reads back. */
import type { Definition } from "@flowcraft/definition";

export function downloadDefinition(definition: Definition, fileName: string) {
  const blob = new Blob([`${JSON.stringify(definition, null, 2)}\n`], { type: "application/json" });
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(link.href);
}
