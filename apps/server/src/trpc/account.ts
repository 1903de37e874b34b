/** The signed-in person's own account, as the web app follows it. */
import { procedure } from "./trpc.ts";

export const accountRouter = {
  /** Server push: a message whenever the caller's roles, groups or disabled state change (and one at once). */
  changes: procedure.subscription(({ ctx, signal }) => ctx.access.accountChanges.watch(ctx.actor, signal)),
};
