/** tRPC procedures of drafts: what the designer lists, opens, saves, renames and deletes. */
import { z } from "zod";
import { DraftDefinitionInput, ExpectedRevisionInput, WorkflowNameInput } from "./inputs.ts";
import { procedure } from "./trpc.ts";

const NameOnly = z.object({ name: WorkflowNameInput });
const Renaming = z.object({ name: WorkflowNameInput, newName: WorkflowNameInput });

export const draftsRouter = {
  list: procedure.query(({ ctx }) => ctx.drafts.list()),
  get: procedure.input(NameOnly).query(({ ctx, input }) => ctx.drafts.get(input.name)),
  create: procedure
    .meta({ need: "design" })
    .input(z.object({ name: WorkflowNameInput, definition: DraftDefinitionInput.optional() }))
    .mutation(({ ctx, input }) => ctx.drafts.create(input.name, input.definition)),
  save: procedure
    .meta({ need: "design" })
    .input(z.object({ name: WorkflowNameInput, definition: DraftDefinitionInput, expectedRevision: ExpectedRevisionInput }))
    .mutation(({ ctx, input }) => ctx.drafts.save(input.name, input.definition, input.expectedRevision)),
  rename: procedure.meta({ need: "design" }).input(Renaming).mutation(({ ctx, input }) => ctx.drafts.rename(input.name, input.newName)),
  duplicate: procedure.meta({ need: "design" }).input(Renaming).mutation(({ ctx, input }) => ctx.drafts.duplicate(input.name, input.newName)),
  remove: procedure.meta({ need: "design" }).input(NameOnly).mutation(({ ctx, input }) => ctx.drafts.remove(input.name)),
};
