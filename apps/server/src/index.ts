/** @flowcraft/server: the HTTP app, for tests and embedding. */
export { buildApp } from "./app.ts";
export type { AppOptions } from "./app.ts";
export type { AppRouter } from "./trpc/router.ts";
export { exampleActivities, exampleRegistry, seedExamples, EXAMPLE_WORKFLOWS } from "./examples/index.ts";
