/** The HTTP server: REST API for other systems, tRPC for the web app, and the web app itself. */
import { existsSync } from "node:fs";
import Fastify, { type FastifyBaseLogger, type FastifyError, type FastifyInstance, type FastifyReply } from "fastify";
import type { Approvals, BulkJobs, Drafts, Instances, Schedules, Workflows, Webhooks, WorkflowRetention } from "@flowcraft/runtime";
import { Authenticator } from "./accounts/access.ts";
import { installAccess } from "./accounts/fastify-access.ts";
import type { AccessServices } from "./accounts/services.ts";
import type { TrustProxy } from "./config.ts";
import { approvalLinkRoutes } from "./approval-links/routes.ts";
import { authRoutes } from "./rest/auth.ts";
import { errorBody, installErrorHandling, refuseUnreadableRequest } from "./rest/errors.ts";
import { instanceRoutes } from "./rest/instances.ts";
import { installJsonBody } from "./rest/json-body.ts";
import { openApiDocument } from "./rest/openapi.ts";
import { approvalRoutes } from "./rest/approvals.ts";
import { bulkRoutes } from "./rest/bulk.ts";
import { scheduleRoutes } from "./rest/schedules.ts";
import { webhookReceiver } from "./rest/webhook-receiver.ts";
import { webhookRoutes } from "./rest/webhooks.ts";
import { workflowRoutes } from "./rest/workflows.ts";
import { serveTrpc } from "./trpc/fastify-route.ts";
import type { Tracer } from "@opentelemetry/api";
import type { Logger } from "@flowcraft/runtime";
import { echoRequestIds, requestIdOf, RequestLines } from "./logging.ts";
import { traceRequests } from "./request-tracing.ts";
import { PLACEHOLDER_PAGE } from "./placeholder-page.ts";
import { installSecurityHeaders } from "./security-headers.ts";
import { serveWebApp } from "./web-app.ts";
import { metricsRoute, type MetricsOptions } from "./operations/metrics-route.ts";
import { readinessRoute } from "./operations/readiness.ts";
import type { Database } from "@flowcraft/db";

const MAX_PATH_PARAM_LENGTH = 2_000;

function refuseAtRouter(error: FastifyError, reply: FastifyReply) {
  const message =
    error.code === "FST_ERR_MAX_PARAM_LENGTH"
      ? `a path segment is longer than ${MAX_PATH_PARAM_LENGTH} characters`
      : "the URL is malformed (check its percent-encoding)";
  void reply.code(400).send(errorBody("invalid", message));
}

export interface AppOptions {
  workflows: Workflows;
  drafts: Drafts;
  instances: Instances;
  schedules: Schedules;
  approvals: Approvals;
  webhooks: Webhooks;
  /** Workflows' retention settings, over the installation's default. */
  retention: WorkflowRetention;
  /** Bulk actions: durable jobs the workers work through. */
  bulkJobs: BulkJobs;
  /** Requests one webhook takes per minute; WEBHOOK_REQUESTS_PER_MINUTE when absent. */
  webhookRequestsPerMinute?: number;
  /** Accounts, sessions, API tokens and the audit log behind access control. */
  access: AccessServices;
  bodyLimitBytes: number;
  /** Proxies to believe about the client's address, which rate limits count by; none by default. */
  trustProxy?: TrustProxy;
  webDistDir?: string;
  /** The server's log (`createLogger` in logging.ts); none when absent. */
  log?: Logger;
  /** Spans of requests, whose trace the instances they start or signal continue; none when absent. */
  tracer?: Tracer;
  /** The database pool, which readiness asks (GET /api/health/ready). */
  pool: Database["pool"];
  /** GET /metrics: the process's registry and the token that opens it; off when absent. */
  metrics?: MetricsOptions;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    bodyLimit: options.bodyLimitBytes,
    trustProxy: options.trustProxy ?? false,
    // As Fastify's own logger type, so that the app keeps the type every route module expects.
    ...(options.log ? { loggerInstance: options.log as FastifyBaseLogger } : { logger: false }),
    logController: new RequestLines(),
    genReqId: requestIdOf,
    // Ids and wait keys may be 200 and 500 characters long, more once URL-encoded.
    routerOptions: { maxParamLength: MAX_PATH_PARAM_LENGTH },
    // Requests the router refuses before any handler (a malformed URL, an overlong parameter) answer in the one error shape too.
    frameworkErrors: (error, _request, reply) => refuseAtRouter(error, reply as unknown as FastifyReply),
    clientErrorHandler: refuseUnreadableRequest,
  });
  echoRequestIds(app);
  if (options.tracer) traceRequests(app, options.tracer);
  installJsonBody(app);
  installErrorHandling(app);
  await installSecurityHeaders(app);
  const { accounts, sessions, tokens, audit, linkSigner } = options.access;
  await installAccess(app, new Authenticator(sessions, tokens));

  app.get("/api/health", { config: { need: "public" } }, async () => ({ status: "ok" }));
  readinessRoute(app, options.pool);
  metricsRoute(app, options.metrics);
  app.get("/api/v1/openapi.json", { config: { need: "public" } }, async () => openApiDocument);
  authRoutes(app, { accounts, sessions, audit });
  workflowRoutes(app, options.workflows, options.retention, audit);
  instanceRoutes(app, options.instances, audit, options.approvals);
  bulkRoutes(app, options.bulkJobs, audit);
  scheduleRoutes(app, options.schedules);
  approvalRoutes(app, options.approvals, audit);
  webhookRoutes(app, options.webhooks, audit);
  await webhookReceiver(app, { webhooks: options.webhooks, ...(options.webhookRequestsPerMinute ? { requestsPerMinute: options.webhookRequestsPerMinute } : {}) });
  // The server is the webhooks' only caller: their sandbox processes end with it.
  app.addHook("onClose", async () => options.webhooks.close());
  await approvalLinkRoutes(app, { approvals: options.approvals, accounts, audit, signer: linkSigner });
  // In a scope of its own, so that errors before tRPC reads a request get tRPC's shape.
  await app.register(async (scope) =>
    serveTrpc(scope, (request) => ({
      workflows: options.workflows,
      drafts: options.drafts,
      instances: options.instances,
      schedules: options.schedules,
      approvals: options.approvals,
      webhooks: options.webhooks,
      retention: options.retention,
      bulkJobs: options.bulkJobs,
      caller: request.access,
      access: options.access,
    })),
  );

  if (options.webDistDir && existsSync(`${options.webDistDir}/index.html`)) {
    serveWebApp(app, options.webDistDir);
  } else {
    app.get("/", (_request, reply) => reply.type("text/html").send(PLACEHOLDER_PAGE));
  }
  return app;
}
