/** The web app's API: composes the domain routers; the client takes its types from `AppRouter`. */
import { instancesRouter } from "./instances.ts";
import { router } from "./trpc.ts";
import { workflowsRouter } from "./workflows.ts";

export const appRouter = router({
  workflows: workflowsRouter,
  instances: instancesRouter,
});

export type AppRouter = typeof appRouter;
