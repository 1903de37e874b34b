/** The HTTP server: REST API for other systems, tRPC for the web app, and the web app itself. */
import { existsSync } from "node:fs";
import fastifyStatic from "@fastify/static";
import { fastifyTRPCPlugin } from "@trpc/server/adapters/fastify";
import Fastify, { type FastifyInstance } from "fastify";
import type { Instances, Workflows } from "@flowcraft/runtime";
import { installErrorHandling } from "./rest/errors.ts";
import { instanceRoutes } from "./rest/instances.ts";
import { installJsonBody } from "./rest/json-body.ts";
import { openApiDocument } from "./rest/openapi.ts";
import { workflowRoutes } from "./rest/workflows.ts";
import { appRouter } from "./trpc/router.ts";
import { PLACEHOLDER_PAGE } from "./placeholder-page.ts";

export interface AppOptions {
  workflows: Workflows;
  instances: Instances;
  bodyLimitBytes: number;
  webDistDir?: string;
  logger?: boolean;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ bodyLimit: options.bodyLimitBytes, logger: options.logger ?? false });
  installJsonBody(app);
  installErrorHandling(app);

  app.get("/api/health", async () => ({ status: "ok" }));
  app.get("/api/v1/openapi.json", async () => openApiDocument);
  workflowRoutes(app, options.workflows);
  instanceRoutes(app, options.instances);
  await app.register(fastifyTRPCPlugin, {
    prefix: "/trpc",
    trpcOptions: { router: appRouter, createContext: () => ({ workflows: options.workflows, instances: options.instances }) },
  });

  if (options.webDistDir && existsSync(`${options.webDistDir}/index.html`)) {
    await app.register(fastifyStatic, { root: options.webDistDir, wildcard: false });
    // Client-side routes of the web app all load its index page.
    app.get("/*", (_request, reply) => reply.sendFile("index.html"));
  } else {
    app.get("/", (_request, reply) => reply.type("text/html").send(PLACEHOLDER_PAGE));
  }
  return app;
}
