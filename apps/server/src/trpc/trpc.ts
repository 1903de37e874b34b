/** tRPC set-up: the context every procedure gets. */
import { initTRPC } from "@trpc/server";
import type { Instances, Workflows } from "@flowcraft/runtime";

export interface Context {
  workflows: Workflows;
  instances: Instances;
}

const t = initTRPC.context<Context>().create();

export const router = t.router;
export const publicProcedure = t.procedure;
