/** The web app's API: composes the domain routers; the client takes its types from `AppRouter`. */
import { accountRouter } from "./account.ts";
import { activitiesRouter } from "./activities.ts";
import { adminRouter } from "./admin.ts";
import { approvalsRouter } from "./approvals.ts";
import { bulkRouter } from "./bulk.ts";
import { draftsRouter } from "./drafts.ts";
import { instancesRouter } from "./instances.ts";
import { schedulesRouter } from "./schedules.ts";
import { router } from "./trpc.ts";
import { webhooksRouter } from "./webhooks.ts";
import { workflowsRouter } from "./workflows.ts";

export const appRouter = router({
  workflows: workflowsRouter,
  drafts: draftsRouter,
  instances: instancesRouter,
  bulk: bulkRouter,
  schedules: schedulesRouter,
  activities: activitiesRouter,
  approvals: approvalsRouter,
  webhooks: webhooksRouter,
  admin: adminRouter,
  account: accountRouter,
});

export type AppRouter = typeof appRouter;
