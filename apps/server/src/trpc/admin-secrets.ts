/** tRPC procedures for admins: the secrets http steps use. Values go in and never come back out. */
import { z } from "zod";
import { procedure } from "./trpc.ts";

const admin = procedure.meta({ need: "administer" });

export const secretsRouter = {
  list: admin.query(({ ctx }) => ctx.access.secrets.list()),
  set: admin
    .input(z.object({ name: z.string().min(1).max(64), value: z.string().min(1).max(16_384), hosts: z.array(z.string().min(1).max(255)).min(1).max(50) }))
    .mutation(async ({ ctx, input }) => {
      const secret = await ctx.access.secrets.set(input.name, input.value, input.hosts, ctx.actor);
      await ctx.access.audit.record({ actor: ctx.actor, action: "secret.set", target: secret.name, details: { hosts: secret.hosts } });
      return secret;
    }),
  remove: admin.input(z.object({ name: z.string().min(1).max(64) })).mutation(async ({ ctx, input }) => {
    await ctx.access.secrets.remove(input.name);
    await ctx.access.audit.record({ actor: ctx.actor, action: "secret.removed", target: input.name });
  }),
};
