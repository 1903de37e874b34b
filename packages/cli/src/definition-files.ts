/** The definition files of a folder for deploy: every *.json in it, parsed, named, or why not. */
import { readdir, readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { CliError } from "./failure.ts";

export interface DefinitionFile {
  file: string;
  /** The workflow: the definition's `name`, else the file's name without .json. */
  name: string;
  definition: Record<string, unknown>;
}

/** The files, or a CliError listing every file that cannot be read as a definition. */
export async function definitionFiles(dir: string): Promise<DefinitionFile[]> {
  let entries: string[];
  try {
    entries = (await readdir(dir, { withFileTypes: true })).filter((entry) => entry.isFile() && entry.name.endsWith(".json")).map((entry) => entry.name).sort();
  } catch (error) {
    throw new CliError(`cannot read the folder ${dir} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  if (entries.length === 0) throw new CliError(`${dir} holds no definition files (*.json)`);

  const files: DefinitionFile[] = [];
  const problems: string[] = [];
  const fileOf = new Map<string, string>();
  for (const entry of entries) {
    const file = join(dir, entry);
    let definition: unknown;
    try {
      definition = JSON.parse(await readFile(file, "utf8"));
    } catch (error) {
      problems.push(`${file}: not valid JSON: ${(error as Error).message}`);
      continue;
    }
    if (typeof definition !== "object" || definition === null || Array.isArray(definition)) {
      problems.push(`${file}: not a definition: the file must hold a JSON object`);
      continue;
    }
    const named = (definition as { name?: unknown }).name;
    const name = typeof named === "string" && named ? named : basename(entry, ".json");
    const other = fileOf.get(name);
    if (other) problems.push(`${file}: workflow "${name}" is also defined by ${other}`);
    fileOf.set(name, file);
    files.push({ file, name, definition: definition as Record<string, unknown> });
  }
  if (problems.length > 0) throw new CliError(`${problems.length} definition file(s) in ${dir} cannot be read; nothing was published`, problems);
  return files;
}
