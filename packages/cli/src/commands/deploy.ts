/**
 * deploy: publishes every definition file of a folder, for GitOps. All are checked first (dry
 * runs on the server, which validates as publishing does); one bad file publishes nothing.
 */
import type { Command } from "commander";
import { FlowcraftError, type FlowcraftClient, type WorkflowVersion } from "@flowcraft/client";
import { action } from "../action.ts";
import { definitionDiff } from "../definition-diff.ts";
import { definitionFiles, type DefinitionFile } from "../definition-files.ts";
import { CliError, problemLine } from "../failure.ts";

interface Checked extends DefinitionFile {
  created: boolean;
  /** The version the file is, or would be once published. */
  version: WorkflowVersion;
}

interface Deployed {
  name: string;
  file: string;
  published: boolean;
  version: number;
  previousVersion: number | null;
  diff: string | null;
}

async function checkAll(client: FlowcraftClient, files: DefinitionFile[], dir: string): Promise<Checked[]> {
  const checked: Checked[] = [];
  const problems: string[] = [];
  let invalid = 0;
  for (const file of files) {
    try {
      checked.push({ ...file, ...(await client.publish(file.name, file.definition, { dryRun: true })) });
    } catch (error) {
      if (!(error instanceof FlowcraftError && error.status === 400)) throw error;
      invalid += 1;
      const lines = error.problems.length > 0 ? error.problems.map(problemLine) : [error.message];
      problems.push(...lines.map((line) => `${file.file}: ${line}`));
    }
  }
  if (invalid > 0) throw new CliError(`${invalid} of ${files.length} definition file(s) in ${dir} are not valid; nothing was published`, problems);
  return checked;
}

async function latestOf(client: FlowcraftClient, name: string): Promise<WorkflowVersion | null> {
  try {
    return await client.workflow(name);
  } catch (error) {
    if (error instanceof FlowcraftError && error.status === 404) return null;
    throw error;
  }
}

function describe(deployed: Deployed[], dryRun: boolean): string {
  const lines = deployed.map(({ name, file, published, version, previousVersion, diff }) => {
    if (!published) return `${name} (${file}): unchanged, version ${version}`;
    const verb = dryRun ? "would publish" : "published";
    const head = previousVersion === null ? `${name} (${file}): new workflow, ${verb} version ${version}` : `${name} (${file}): ${verb} version ${version} (was ${previousVersion})`;
    return diff ? `${head}\n${diff}` : head;
  });
  const changed = deployed.filter((item) => item.published).length;
  lines.push(dryRun ? `${changed} of ${deployed.length} workflow(s) would change; nothing was published (--dry-run)` : `${changed} of ${deployed.length} workflow(s) published`);
  return lines.join("\n");
}

export function deployCommand(cli: Command) {
  cli
    .command("deploy")
    .description("publish every definition file (*.json) of a folder as its workflow's next version; files equal to the latest version publish nothing. Any invalid file publishes nothing at all")
    .argument("<dir>", "the folder of definition files")
    .option("--dry-run", "check and show what would change, publishing nothing")
    .action(
      action(async (context, dir: string, options: { dryRun?: boolean }) => {
        const client = await context.connect();
        const checked = await checkAll(client, await definitionFiles(dir), dir);
        const deployed: Deployed[] = [];
        for (const item of checked) {
          if (!item.created) {
            deployed.push({ name: item.name, file: item.file, published: false, version: item.version.version!, previousVersion: item.version.version!, diff: null });
            continue;
          }
          const latest = await latestOf(client, item.name);
          const diff = latest ? definitionDiff({ label: `${item.name} version ${latest.version}`, definition: latest.definition }, { label: item.file, definition: item.version.definition }) : null;
          const version = options.dryRun ? item.version : (await client.publish(item.name, item.definition)).version;
          deployed.push({ name: item.name, file: item.file, published: true, version: version.version!, previousVersion: latest?.version ?? null, diff });
        }
        context.out.result({ dryRun: Boolean(options.dryRun), workflows: deployed }, () => describe(deployed, Boolean(options.dryRun)));
      }),
    );
}
