/** approve and reject: decide the approval an instance waits on, as the token's holder. */
import type { Command } from "commander";
import type { PendingApproval } from "@flowcraft/client";
import { action } from "../action.ts";
import { CliError } from "../failure.ts";

const label = (approval: PendingApproval) => `${approval.waitId} (${approval.title ?? approval.node})`;

function decideCommand(cli: Command, name: "approve" | "reject", decision: "approved" | "rejected") {
  cli
    .command(name)
    .description(`${name} the approval an instance waits on`)
    .argument("<id>", "the instance's id")
    .option("--wait-id <waitId>", "which approval, when the instance waits on several")
    .option("--comment <text>", "a comment kept with the decision")
    .action(
      action(async (context, id: string, options: { waitId?: string; comment?: string }) => {
        const client = await context.connect();
        const { approvals = [] } = await client.approvals({ instanceId: id });
        const chosen = options.waitId ? approvals.filter((approval) => approval.waitId === options.waitId) : approvals;
        if (chosen.length === 0) {
          throw new CliError(options.waitId ? `no approval ${options.waitId} waits on instance ${id}` : `no approval waits on instance ${id}`);
        }
        if (chosen.length > 1) throw new CliError(`instance ${id} waits on ${chosen.length} approvals; name one with --wait-id: ${chosen.map(label).join(", ")}`);
        const approval = chosen[0]!;
        await client.decide(id, approval.waitId!, decision, options.comment);
        context.out.result({ instanceId: id, waitId: approval.waitId, decision }, `${decision === "approved" ? "Approved" : "Rejected"} ${approval.title ?? approval.node} on ${id}`);
      }),
    );
}

export function approvalCommands(cli: Command) {
  decideCommand(cli, "approve", "approved");
  decideCommand(cli, "reject", "rejected");
}
