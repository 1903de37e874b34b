/** export: a workflow's definition as JSON, to stdout or a file, ready for deploy. */
import { writeFile } from "node:fs/promises";
import type { Command } from "commander";
import { action } from "../action.ts";
import { CliError } from "../failure.ts";
import { positiveNumber } from "../values.ts";

export function exportCommand(cli: Command) {
  cli
    .command("export")
    .description("print a workflow's definition (its latest version unless --version says)")
    .argument("<workflow>")
    .option("--version <n>", "the version")
    .option("-o, --output <file>", "write it to a file instead")
    .action(
      action(async (context, workflow: string, options: { version?: string; output?: string }) => {
        const client = await context.connect();
        const found = await client.workflow(workflow, options.version === undefined ? undefined : positiveNumber("--version", options.version));
        const text = JSON.stringify(found.definition, null, 2) + "\n";
        if (!options.output) return void process.stdout.write(text);
        try {
          await writeFile(options.output, text);
        } catch (error) {
          throw new CliError(`cannot write ${options.output} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
        }
        context.out.result({ workflow, version: found.version, file: options.output }, `Wrote ${workflow} version ${found.version} to ${options.output}`);
      }),
    );
}
