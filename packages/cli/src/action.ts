/** Runs a command's action: gives it its output and client, and turns any failure into exit code 1. */
import type { Command } from "commander";
import { createFlowcraftClient, type FlowcraftClient } from "@flowcraft/client";
import { connection } from "./config.ts";
import { describeFailure } from "./failure.ts";
import { output, type Output } from "./output.ts";

export interface Context {
  out: Output;
  /** The client of the configured server (FLOWCRAFT_URL/FLOWCRAFT_TOKEN, else the saved login). */
  connect(): Promise<FlowcraftClient>;
  /** The server a failure is about, for its message. */
  server?: string;
}

/** An action takes the context, then commander's arguments; it may answer an exit code. */
export function action<A extends unknown[]>(run: (context: Context, ...args: A) => Promise<number | void>) {
  return async (...args: unknown[]) => {
    const command = args.at(-1) as Command;
    const context: Context = {
      out: output(Boolean(command.optsWithGlobals().json)),
      async connect() {
        const saved = await connection();
        context.server = saved.url;
        return createFlowcraftClient(saved);
      },
    };
    try {
      process.exitCode = (await run(context, ...(args as A))) ?? 0;
    } catch (error) {
      const failure = describeFailure(error, context.server);
      if (context.out.json) process.stderr.write(JSON.stringify({ error: failure }) + "\n");
      else process.stderr.write([`flowcraft: ${failure.message}`, ...failure.problems.map((line) => `  ${line}`)].join("\n") + "\n");
      process.exitCode = 1;
    }
  };
}
