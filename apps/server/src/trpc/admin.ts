/** tRPC procedures for admins: accounts, API tokens and the audit log. Every change is audited. */
import { z } from "zod";
import { ROLES } from "@flowcraft/access";
import { secretsRouter } from "./admin-secrets.ts";
import { procedure } from "./trpc.ts";

const admin = procedure.meta({ need: "administer" });
const Username = z.string().min(1).max(64);
const Roles = z.array(z.enum(ROLES)).max(ROLES.length);
const Groups = z.array(z.string().min(1).max(64)).max(50);

export const adminRouter = {
  accounts: {
    list: admin.query(({ ctx }) => ctx.access.accounts.list()),
    create: admin
      .input(z.object({ username: Username, displayName: z.string().max(200).optional(), password: z.string().min(1).max(200), roles: Roles, groups: Groups.optional() }))
      .mutation(async ({ ctx, input }) => {
        const account = await ctx.access.accounts.create(input);
        await ctx.access.audit.record({ actor: ctx.actor, action: "account.created", target: account.username, details: { roles: account.roles, groups: account.groups } });
        return account;
      }),
    update: admin
      .input(z.object({ username: Username, displayName: z.string().max(200).optional(), roles: Roles.optional(), groups: Groups.optional(), disabled: z.boolean().optional() }))
      .mutation(async ({ ctx, input: { username, ...change } }) => {
        const account = await ctx.access.accounts.update(username, change);
        await ctx.access.audit.record({ actor: ctx.actor, action: "account.updated", target: account.username, details: change });
        return account;
      }),
    setPassword: admin.input(z.object({ username: Username, password: z.string().min(1).max(200) })).mutation(async ({ ctx, input }) => {
      await ctx.access.accounts.setPassword(input.username, input.password);
      await ctx.access.audit.record({ actor: ctx.actor, action: "account.password_set", target: input.username.toLowerCase() });
    }),
  },
  tokens: {
    list: admin.query(({ ctx }) => ctx.access.tokens.list()),
    create: admin.input(z.object({ name: z.string().min(1).max(64), roles: Roles })).mutation(async ({ ctx, input }) => {
      const created = await ctx.access.tokens.create(input, ctx.actor);
      await ctx.access.audit.record({ actor: ctx.actor, action: "token.created", target: created.token.name, details: { roles: created.token.roles } });
      return created;
    }),
    revoke: admin.input(z.object({ id: z.string().min(1).max(64) })).mutation(async ({ ctx, input }) => {
      const token = await ctx.access.tokens.revoke(input.id);
      await ctx.access.audit.record({ actor: ctx.actor, action: "token.revoked", target: token.name });
      return token;
    }),
  },
  secrets: secretsRouter,
  audit: {
    recent: admin.input(z.object({ limit: z.number().int().min(1).max(1_000).optional() }).optional()).query(({ ctx, input }) => ctx.access.audit.recent(input?.limit)),
  },
};
