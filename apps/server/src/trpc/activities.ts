/** tRPC procedures of activities, for the inspector's activity picker. */
import { BUILT_IN_ACTIVITIES } from "@flowcraft/definition";
import { procedure } from "./trpc.ts";

export const activitiesRouter = {
  /** Names workers registered, sorted; built-ins are listed even before any worker has started. */
  list: procedure.query(async ({ ctx }) => [...new Set([...BUILT_IN_ACTIVITIES, ...(await ctx.workflows.knownActivities())])].sort()),
};
