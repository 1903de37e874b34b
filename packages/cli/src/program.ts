/** The flowcraft command and its subcommands. */
import { Command } from "commander";
import { approvalCommands } from "./commands/approvals.ts";
import { deployCommand } from "./commands/deploy.ts";
import { exportCommand } from "./commands/export.ts";
import { instanceCommands } from "./commands/instances.ts";
import { setupCommands } from "./commands/setup.ts";

export function program(): Command {
  const cli = new Command("flowcraft")
    .description("Deploy workflows to a Flowcraft server, start and steer their instances. The server and token come from FLOWCRAFT_URL and FLOWCRAFT_TOKEN, else from flowcraft login")
    .option("--json", "machine-readable output (JSON on stdout; failures as JSON on stderr)")
    .showHelpAfterError();
  setupCommands(cli);
  deployCommand(cli);
  instanceCommands(cli);
  approvalCommands(cli);
  exportCommand(cli);
  return cli;
}
