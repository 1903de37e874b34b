/** start, status, raise and history: one instance's life from the shell. */
import type { Command } from "commander";
import { ENDED_STATUSES, type FlowcraftClient, type Instance } from "@flowcraft/client";
import { action, type Context } from "../action.ts";
import { eventText, instanceText } from "../instance-text.ts";
import { jsonArgument, positiveNumber } from "../values.ts";

/** How long --wait waits unless --timeout says. */
const DEFAULT_WAIT_S = 300;

/** Waits for the instance to end; the exit code says whether it completed. */
async function waitAndShow(context: Context, client: FlowcraftClient, id: string, timeout: string | undefined): Promise<number> {
  const timeoutMs = positiveNumber("--timeout", timeout ?? String(DEFAULT_WAIT_S)) * 1000;
  const instance = await client.waitFor(id, { timeoutMs });
  show(context, instance);
  if (instance.runtimeStatus === "COMPLETED") return 0;
  process.stderr.write(`flowcraft: instance ${id} ended ${instance.runtimeStatus}${instance.failure ? `: ${instance.failure.message}` : ""}\n`);
  return 1;
}

function show(context: Context, instance: Instance) {
  context.out.result(instance, () => instanceText(instance));
}

export function instanceCommands(cli: Command) {
  cli
    .command("start")
    .description("start an instance of a workflow")
    .argument("<workflow>")
    .option("--input <json>", "the input: JSON, or @file to read it from a file")
    .option("--id <id>", "the instance's id (made up when absent); starting an existing id is refused")
    .option("--version <n>", "the workflow's version (the latest when absent)")
    .option("--wait", "wait until it ends, and show how it ended")
    .option("--timeout <seconds>", `with --wait, how long to wait (default ${DEFAULT_WAIT_S})`)
    .action(
      action(async (context, workflow: string, options: { input?: string; id?: string; version?: string; wait?: boolean; timeout?: string }) => {
        const input = await jsonArgument("--input", options.input);
        const client = await context.connect();
        const version = options.version === undefined ? undefined : positiveNumber("--version", options.version);
        const { instanceId } = await client.start(workflow, input, { ...(options.id ? { instanceId: options.id } : {}), ...(version ? { version } : {}) });
        if (options.wait) {
          context.out.note(`Started ${instanceId}; waiting for it to end`);
          return waitAndShow(context, client, instanceId, options.timeout);
        }
        context.out.result({ instanceId }, `Started ${instanceId}`);
      }),
    );

  cli
    .command("status")
    .description("show an instance's status; with --wait, wait until it ends (exit code 1 unless it completed)")
    .argument("<id>", "the instance's id")
    .option("--wait", "wait until the instance ends")
    .option("--timeout <seconds>", `with --wait, how long to wait (default ${DEFAULT_WAIT_S})`)
    .action(
      action(async (context, id: string, options: { wait?: boolean; timeout?: string }) => {
        const client = await context.connect();
        if (options.wait) return waitAndShow(context, client, id, options.timeout);
        show(context, await client.instance(id));
      }),
    );

  cli
    .command("raise")
    .description("raise an external event on an instance")
    .argument("<id>", "the instance's id")
    .argument("<event>", "the event's name")
    .option("--payload <json>", "the payload: JSON, or @file to read it from a file")
    .option("--event-id <id>", "an id that makes a repeated raise a no-op (made up when absent)")
    .action(
      action(async (context, id: string, event: string, options: { payload?: string; eventId?: string }) => {
        const payload = await jsonArgument("--payload", options.payload);
        const client = await context.connect();
        const raised = await client.raiseEvent(id, event, payload, options.eventId ? { eventId: options.eventId } : {});
        context.out.result(raised, `Raised ${event} on ${id} (event id ${raised.eventId})${raised.decided ? `: ${raised.decided.decision} by ${raised.decided.approver}` : ""}`);
      }),
    );

  cli
    .command("history")
    .alias("logs")
    .description("print an instance's history events; with --follow, keep printing new ones until it ends (--json: one event per line)")
    .argument("<id>", "the instance's id")
    .option("--follow", "keep printing events as they are stored, until the instance ends")
    .action(
      action(async (context, id: string, options: { follow?: boolean }) => {
        const client = await context.connect();
        const print = (event: Parameters<typeof eventText>[0]) => context.out.result(event, () => eventText(event));
        if (options.follow) {
          for await (const event of client.followHistory(id)) print(event);
          const ended = await client.instance(id);
          context.out.note(`${id} ${ended.runtimeStatus}`);
          return;
        }
        let afterSeq = 0;
        for (;;) {
          const events = await client.history(id, { afterSeq });
          if (events.length === 0) break;
          for (const event of events) print(event);
          afterSeq = events.at(-1)!.seq;
        }
        const instance = await client.instance(id);
        if (!ENDED_STATUSES.includes(instance.runtimeStatus!)) context.out.note(`${id} is ${instance.runtimeStatus}; --follow prints what comes next`);
      }),
    );
}
