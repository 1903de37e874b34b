/** tRPC procedures of bulk actions, for the web app: as the REST routes under /api/v1/bulk-jobs. */
import { z } from "zod";
import { cancelBulkJob, createBulkJob } from "../bulk/bulk-actions.ts";
import { BulkJobIdInput, BulkJobListInput, BulkRequestInput } from "../bulk/bulk-request.ts";
import { procedure } from "./trpc.ts";

export const bulkRouter = {
  create: procedure
    .meta({ need: "operate" })
    .input(BulkRequestInput)
    .mutation(({ ctx, input }) => createBulkJob(ctx.bulkJobs, ctx.access.audit, ctx.principal!, input)),
  get: procedure.input(z.object({ id: BulkJobIdInput })).query(({ ctx, input }) => ctx.bulkJobs.get(input.id)),
  list: procedure.input(BulkJobListInput).query(({ ctx, input }) => ctx.bulkJobs.list(input)),
  cancel: procedure
    .meta({ need: "operate" })
    .input(z.object({ id: BulkJobIdInput }))
    .mutation(({ ctx, input }) => cancelBulkJob(ctx.bulkJobs, ctx.access.audit, ctx.principal!, input.id)),
};
