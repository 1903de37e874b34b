/** tRPC procedures of schedules, for the web app: list, preview as typed, keep, pause, and start runs by hand. */
import { BackfillSchema, ScheduleSpecSchema, ScheduleTimingSchema } from "@flowcraft/runtime";
import { z } from "zod";
import { WorkflowNameInput } from "./inputs.ts";
import { procedure } from "./trpc.ts";

const ScheduleIdInput = z.object({ id: z.string().min(1).max(200) });

export const schedulesRouter = {
  list: procedure.input(z.object({ workflowName: WorkflowNameInput })).query(({ ctx, input }) => ctx.schedules.list(input.workflowName)),
  get: procedure.input(ScheduleIdInput).query(({ ctx, input }) => ctx.schedules.get(input.id)),
  /** The next runs of a timing not saved yet; checked (cron, zone, dates) by the runtime, which names what is wrong. */
  preview: procedure.input(ScheduleTimingSchema).query(({ ctx, input }) => ctx.schedules.preview(input)),
  create: procedure
    .meta({ need: "operate" })
    .input(z.object({ workflowName: WorkflowNameInput, spec: ScheduleSpecSchema }))
    .mutation(({ ctx, input }) => ctx.schedules.create(input.workflowName, input.spec, ctx.actor)),
  update: procedure
    .meta({ need: "operate" })
    .input(ScheduleIdInput.extend({ spec: ScheduleSpecSchema }))
    .mutation(({ ctx, input }) => ctx.schedules.update(input.id, input.spec)),
  delete: procedure.meta({ need: "operate" }).input(ScheduleIdInput).mutation(({ ctx, input }) => ctx.schedules.delete(input.id)),
  pause: procedure.meta({ need: "operate" }).input(ScheduleIdInput).mutation(({ ctx, input }) => ctx.schedules.pause(input.id)),
  resume: procedure.meta({ need: "operate" }).input(ScheduleIdInput).mutation(({ ctx, input }) => ctx.schedules.resume(input.id)),
  trigger: procedure.meta({ need: "operate" }).input(ScheduleIdInput).mutation(({ ctx, input }) => ctx.schedules.trigger(input.id, ctx.actor)),
  backfill: procedure
    .meta({ need: "operate" })
    .input(ScheduleIdInput.extend({ range: BackfillSchema }))
    .mutation(({ ctx, input }) => ctx.schedules.backfill(input.id, input.range, ctx.actor)),
};
