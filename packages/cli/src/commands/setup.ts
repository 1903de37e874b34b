/** bootstrap (the first-run set-up without a browser) and login. */
import type { Command } from "commander";
import { bootstrap, createFlowcraftClient, FlowcraftError } from "@flowcraft/client";
import { action } from "../action.ts";
import { save } from "../config.ts";
import { CliError } from "../failure.ts";

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8").replace(/\r?\n$/, "");
}

export function setupCommands(cli: Command) {
  cli
    .command("bootstrap")
    .description("set up a fresh installation: create its owner and a first API token with every role, printed once. Refuses when the installation has an owner")
    .requiredOption("--url <url>", "the server's URL", process.env.FLOWCRAFT_URL)
    .option("--username <name>", "the owner's username", "owner")
    .option("--display-name <name>", "the owner's display name")
    .option("--password-stdin", "read the owner's password from stdin (else FLOWCRAFT_OWNER_PASSWORD)")
    .option("--token-name <name>", "the first token's name", "bootstrap")
    .option("--save", "also save the URL and the token, as login does")
    .action(
      action(async (context, options: { url: string; username: string; displayName?: string; passwordStdin?: boolean; tokenName: string; save?: boolean }) => {
        const { out } = context;
        context.server = options.url;
        const password = options.passwordStdin ? await readStdin() : process.env.FLOWCRAFT_OWNER_PASSWORD;
        if (!password) throw new CliError("no password for the owner: set FLOWCRAFT_OWNER_PASSWORD, or pipe it in with --password-stdin");
        let created;
        try {
          created = await bootstrap({ url: options.url, username: options.username, password, tokenName: options.tokenName, ...(options.displayName ? { displayName: options.displayName } : {}) });
        } catch (error) {
          if (error instanceof FlowcraftError && error.status === 409) {
            throw new CliError(`refused: ${options.url} already has its owner, and bootstrap never replaces one; sign in, or ask an admin for a token`);
          }
          throw error;
        }
        const file = options.save ? await save({ url: options.url, token: created.token }) : null;
        out.note(`Created the owner "${created.owner}" and the API token "${created.tokenName}" with every role. The token is shown this once:`);
        out.result({ ...created, ...(file ? { savedTo: file } : {}) }, created.token);
        if (file) out.note(`Saved to ${file}.`);
      }),
    );

  cli
    .command("login")
    .description("check a token against the server, then save the URL and token for later commands")
    .requiredOption("--url <url>", "the server's URL")
    .requiredOption("--token <token>", "an API token (fc_…)")
    .action(
      action(async (context, options: { url: string; token: string }) => {
        const { out } = context;
        context.server = options.url;
        const workflows = await createFlowcraftClient(options).workflows();
        const file = await save(options);
        out.result({ url: options.url, savedTo: file, workflows: workflows.length }, `Signed in to ${options.url} (${workflows.length} workflows); saved to ${file}`);
      }),
    );
}
