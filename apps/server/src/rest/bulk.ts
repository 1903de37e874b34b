/** REST: bulk actions on the instances a filter matches, or on ids given, as background jobs. */
import type { FastifyInstance } from "fastify";
import type { BulkJobs } from "@flowcraft/runtime";
import { z } from "zod";
import { principalFor } from "../accounts/actor.ts";
import type { AuditLog } from "../accounts/audit.ts";
import { cancelBulkJob, createBulkJob } from "../bulk/bulk-actions.ts";
import { BulkJobIdInput, BulkJobListInput, BulkRequestInput } from "../bulk/bulk-request.ts";

const IdParams = z.object({ id: BulkJobIdInput });
const ListQuery = z.object({
  status: z
    .string()
    .transform((s) => s.split(",").map((x) => x.trim().toLowerCase()))
    .optional(),
  limit: z.coerce.number().optional(),
});

const jobUrl = (id: string) => `/api/v1/bulk-jobs/${encodeURIComponent(id)}`;

export function bulkRoutes(app: FastifyInstance, jobs: BulkJobs, audit: AuditLog) {
  app.post("/api/v1/instances/bulk", { config: { need: "operate" } }, async (request, reply) => {
    const job = await createBulkJob(jobs, audit, principalFor(request), BulkRequestInput.parse(request.body ?? {}));
    return reply.status(202).header("location", jobUrl(job.jobId)).send(job);
  });

  app.get("/api/v1/bulk-jobs", async (request) => ({ jobs: await jobs.list(BulkJobListInput.parse(ListQuery.parse(request.query))) }));

  app.get("/api/v1/bulk-jobs/:id", async (request) => jobs.get(IdParams.parse(request.params).id));

  app.post("/api/v1/bulk-jobs/:id/cancel", { config: { need: "operate" } }, async (request) =>
    cancelBulkJob(jobs, audit, principalFor(request), IdParams.parse(request.params).id),
  );
}
