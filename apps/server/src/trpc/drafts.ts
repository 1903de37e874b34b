/** tRPC procedures of drafts: what the designer lists, opens, saves, renames and deletes. */
import { z } from "zod";
import { DraftDefinitionInput, ExpectedRevisionInput, WorkflowNameInput } from "./inputs.ts";
import { publicProcedure } from "./trpc.ts";

const NameOnly = z.object({ name: WorkflowNameInput });
const Renaming = z.object({ name: WorkflowNameInput, newName: WorkflowNameInput });

export const draftsRouter = {
  list: publicProcedure.query(({ ctx }) => ctx.drafts.list()),
  get: publicProcedure.input(NameOnly).query(({ ctx, input }) => ctx.drafts.get(input.name)),
  create: publicProcedure
    .input(z.object({ name: WorkflowNameInput, definition: DraftDefinitionInput.optional() }))
    .mutation(({ ctx, input }) => ctx.drafts.create(input.name, input.definition)),
  save: publicProcedure
    .input(z.object({ name: WorkflowNameInput, definition: DraftDefinitionInput, expectedRevision: ExpectedRevisionInput }))
    .mutation(({ ctx, input }) => ctx.drafts.save(input.name, input.definition, input.expectedRevision)),
  rename: publicProcedure.input(Renaming).mutation(({ ctx, input }) => ctx.drafts.rename(input.name, input.newName)),
  duplicate: publicProcedure.input(Renaming).mutation(({ ctx, input }) => ctx.drafts.duplicate(input.name, input.newName)),
  remove: publicProcedure.input(NameOnly).mutation(({ ctx, input }) => ctx.drafts.remove(input.name)),
};
