/** The OpenAPI 3.1 description of the REST API, served at /api/v1/openapi.json. */
import definitionSchema from "@flowcraft/definition/json-schema" with { type: "json" };
import { HISTORY_EVENT_TYPES, RERUN_KINDS, RUNTIME_STATUSES } from "@flowcraft/engine";
import { INSTANCE_ORDERS } from "@flowcraft/runtime";
import { MIN_PASSWORD_LENGTH } from "@flowcraft/access";
import { bulkPaths, bulkSchemas } from "./openapi-bulk.ts";
import { schedulePaths, scheduleSchemas } from "./openapi-schedules.ts";
import { webhookPaths, webhookSchemas } from "./openapi-webhooks.ts";
import { retentionPaths, retentionSchemas } from "./openapi-retention.ts";

/** The definition's JSON Schema with its $defs lifted into components, so references resolve. */
function definitionComponents(): Record<string, unknown> {
  const { $defs, $schema: _schema, $id: _id, ...root } = definitionSchema as Record<string, unknown> & { $defs: Record<string, unknown> };
  const rewrite = (value: unknown): unknown =>
    JSON.parse(JSON.stringify(value).replaceAll('"#/$defs/', '"#/components/schemas/'));
  return { Definition: rewrite(root), ...(rewrite($defs) as Record<string, unknown>) };
}

const json = (schema: unknown) => ({ "application/json": { schema } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const error = (description: string) => ({ description, content: json(ref("Error")) });
const retryAfter = { "Retry-After": { description: "Seconds to wait before trying again", schema: { type: "integer" } } };
const errorToRetry = (description: string) => ({ ...error(description), headers: retryAfter });

/** What any request may be answered, whatever its operation: refusals of how it was sent or who sent it, and failures. */
const ANY_REQUEST_ANSWERS = {
  400: error("The URL is malformed (a path segment's percent-encoding or length), or a parameter is invalid"),
  401: error("No credentials where the operation needs them, or an unknown or revoked API token"),
  429: errorToRetry("Too many unknown API tokens (or wrong passwords) from this address; try again after Retry-After seconds"),
  431: error("The URL and headers are larger than 16 KiB"),
  500: error("The server failed; it has logged the cause"),
  503: errorToRetry("The database cannot be reached; try again after Retry-After seconds"),
};
/** What any request that may carry a body may be answered besides. */
const ANY_CHANGE_ANSWERS = {
  400: error("The URL is malformed, a parameter is invalid, or the body is not acceptable JSON (see the API's description) or not what the operation takes"),
  403: error("A role the operation needs is missing, or a browser's change lacks the x-flowcraft-csrf header"),
  413: error("The body is larger than the server accepts"),
  415: error("The body is not sent as application/json in UTF-8"),
};

type Response = { headers?: Record<string, unknown>; [key: string]: unknown };
type Operation = { parameters?: unknown[]; responses: Record<number, Response> };

const requestIdParameter = { $ref: "#/components/parameters/RequestId" };
const requestIdHeader = { "X-Request-Id": { $ref: "#/components/headers/RequestId" } };

/**
 * Each operation with the answers any request (and any change) may get, its own descriptions
 * first, by status; and with the X-Request-Id every request may send and every answer carries.
 */
function withCommonAnswers<P extends Record<string, Record<string, Operation>>>(paths: P): P {
  const operation = (method: string, { parameters = [], responses, ...rest }: Operation) => {
    const all = { ...ANY_REQUEST_ANSWERS, ...(method === "get" ? {} : ANY_CHANGE_ANSWERS), ...responses } as Record<string, Response>;
    const answers = Object.entries(all)
      .sort(([a], [b]) => Number(a) - Number(b))
      .map(([status, response]) => [status, { ...response, headers: { ...response.headers, ...requestIdHeader } }]);
    return { ...rest, parameters: [...parameters, requestIdParameter], responses: Object.fromEntries(answers) };
  };
  return Object.fromEntries(
    Object.entries(paths).map(([path, operations]) => [path, Object.fromEntries(Object.entries(operations).map(([method, op]) => [method, operation(method, op)]))]),
  ) as P;
}
const idParam = { name: "id", in: "path", required: true, schema: { type: "string" }, description: "Instance id" };
const nameParam = { name: "name", in: "path", required: true, schema: { type: "string", pattern: "^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$" } };
const accepted = { description: "Accepted; poll the Location header for the status", content: json(ref("Accepted")) };

const actions = Object.fromEntries(
  (["terminate", "suspend", "resume"] as const).map((action) => [
    `/api/v1/instances/{id}/${action}`,
    {
      post: {
        summary: `${action[0]!.toUpperCase()}${action.slice(1)} an instance`,
        parameters: [idParam],
        requestBody: { required: false, content: json({ type: "object", properties: { reason: { type: "string" } }, additionalProperties: false }) },
        responses: { 202: accepted, 404: error("No such instance"), 409: error("Not possible in the instance's state") },
      },
    },
  ]),
);

export const openApiDocument = {
  openapi: "3.1.0",
  info: {
    title: "Flowcraft API",
    version: "1",
    description:
      "Publish workflow definitions, start instances (202 Accepted + Location) or schedule them, poll their status, raise external events and steer instances. Errors are {error: {code, message, problems?}}. Every call needs an API token (Authorization: Bearer fc_...), which an admin creates with the roles it carries: designer to publish, operator to start and steer instances and keep schedules, approver to decide approvals; any token may read. 401 means no or an unknown token, 403 a missing role, 429 too many failed attempts (see Retry-After). Bodies are JSON sent as application/json in UTF-8 (415 otherwise), nested at most 200 levels deep, without lone surrogates, NUL characters, __proto__ keys or constructor.prototype (400 otherwise). 503 (with Retry-After) means the database cannot be reached and the request may be tried again; 500 is a failure of the server, which logs it.",
  },
  security: [{ apiToken: [] }, { session: [] }],
  paths: withCommonAnswers({
    "/api/health": {
      get: { summary: "Whether the server is up (it does not ask the database)", security: [], responses: { 200: { description: "Up", content: json({ type: "object", properties: { status: { const: "ok" } } }) } } },
    },
    "/api/health/ready": {
      get: {
        summary: "Whether the server can serve: the database answers (within 2 s) and has exactly the migrations this build expects",
        security: [],
        responses: {
          200: { description: "Ready", content: json({ type: "object", properties: { status: { const: "ready" } } }) },
          503: error("Not ready: the database cannot be reached, or its migrations differ from this build's (the message names them)"),
        },
      },
    },
    "/api/v1/openapi.json": {
      get: { summary: "This description", security: [], responses: { 200: { description: "The OpenAPI document", content: json({ type: "object" }) } } },
    },
    "/api/v1/auth/session": {
      get: {
        summary: "Who is signed in, and whether the installation still needs its owner",
        security: [],
        responses: { 200: { description: "{needsSetup, account, csrfToken}", content: json({ type: "object", properties: { needsSetup: { type: "boolean" }, account: { type: ["object", "null"] }, csrfToken: { type: ["string", "null"] } } }) } },
      },
    },
    "/api/v1/auth/setup": {
      post: {
        summary: "Create the owner account of a fresh installation and sign in",
        security: [],
        requestBody: { required: true, content: json(ref("Credentials")) },
        responses: {
          201: { description: "Signed in; the session cookie is set", content: json({ type: "object", properties: { account: { type: "object" }, csrfToken: { type: "string", description: "Send it in x-flowcraft-csrf with changes" } } }) },
          400: error("Invalid username or password"),
          409: error("The installation already has its owner"),
        },
      },
    },
    "/api/v1/auth/login": {
      post: {
        summary: "Sign in; sets the HttpOnly session cookie and answers the CSRF token to send in x-flowcraft-csrf with changes",
        security: [],
        requestBody: { required: true, content: json(ref("Credentials")) },
        responses: { 200: { description: "Signed in" }, 401: error("Wrong username or password"), 429: error("Too many wrong passwords; try again after Retry-After seconds") },
      },
    },
    "/api/v1/auth/logout": {
      post: { summary: "Sign out", security: [], responses: { 204: { description: "Signed out" } } },
    },
    "/api/v1/auth/password": {
      post: {
        summary: "Change the signed-in person's own password",
        description:
          "Only with a session (and its x-flowcraft-csrf header); an API token has no password. Wrong current passwords count against the same limit as wrong sign-ins. The caller's session goes on; every other session of the account ends.",
        security: [{ session: [] }],
        requestBody: { required: true, content: json(ref("PasswordChange")) },
        responses: {
          204: { description: "Changed; the account's other sessions are signed out" },
          400: error(`The new password breaks a rule (at least ${MIN_PASSWORD_LENGTH} characters, at most 72 bytes) or equals the current one`),
          401: error("Not signed in"),
          403: error("The current password is wrong, the CSRF header is missing, or the caller is an API token"),
          429: error("Too many wrong passwords; try again after Retry-After seconds"),
        },
      },
    },
    "/api/v1/instances/{id}/approvals/{waitId}/links": {
      post: {
        summary: "Signed approve and reject links for one person and one waiting approval (admins only)",
        description:
          "Each link decides once, as the named person, this wait of the instance's current generation (not the wait of the same id after a monitor continues as new), until the wait times out (a week when it has none). Opening a link shows a confirmation page; its form decides.",
        parameters: [idParam, { name: "waitId", in: "path", required: true, schema: { type: "string" } }],
        requestBody: { required: true, content: json({ type: "object", required: ["approver"], properties: { approver: { type: "string" } }, additionalProperties: false }) },
        responses: {
          201: { description: "The links", content: json({ type: "object", properties: { approve: { type: "string" }, reject: { type: "string" }, approver: { type: "string" }, expiresAt: { type: "string", format: "date-time" } } }) },
          403: error("Not an admin"),
          404: error("No such account"),
          409: error("No approval waits there"),
        },
      },
    },
    "/api/v1/workflows": {
      get: { summary: "List workflows", responses: { 200: { description: "Workflows", content: json({ type: "object", properties: { workflows: { type: "array", items: ref("WorkflowSummary") } } }) } } },
    },
    "/api/v1/workflows/{name}": {
      put: {
        summary: "Publish a definition as the workflow's next version",
        description: "Validates the definition; an identical definition to the latest version is not stored again (200). With dryRun=true nothing is stored: the answer is what publishing would answer.",
        parameters: [
          nameParam,
          { name: "dryRun", in: "query", required: false, schema: { type: "boolean" }, description: "Only check: the problems (400), or the version publishing would create (201) or keep (200)" },
          { name: "X-Flowcraft-User", in: "header", required: false, schema: { type: "string" } },
        ],
        requestBody: { required: true, content: json(ref("Definition")) },
        responses: {
          201: { description: "New version (with dryRun, the version it would be)", content: json(ref("WorkflowVersion")) },
          200: { description: "Identical to the latest version", content: json(ref("WorkflowVersion")) },
          400: error("Invalid definition; problems lists every problem, by node and field"),
        },
      },
      get: { summary: "Latest version of a workflow, with its version list", parameters: [nameParam], responses: { 200: { description: "Latest version", content: json(ref("WorkflowVersion")) }, 404: error("No such workflow") } },
    },
    "/api/v1/workflows/{name}/versions/{version}": {
      get: {
        summary: "One version of a workflow",
        parameters: [nameParam, { name: "version", in: "path", required: true, schema: { type: "integer", minimum: 1 } }],
        responses: { 200: { description: "The version", content: json(ref("WorkflowVersion")) }, 404: error("No such workflow or version") },
      },
    },
    "/api/v1/workflows/{name}/start": {
      post: {
        summary: "Start an instance",
        parameters: [
          nameParam,
          { name: "instanceId", in: "query", required: false, schema: { type: "string", pattern: "^[A-Za-z0-9._:-]{1,200}$" }, description: "Generated when absent" },
          { name: "version", in: "query", required: false, schema: { type: "integer", minimum: 1 }, description: "Latest when absent" },
        ],
        requestBody: { required: false, description: "The workflow input (any JSON; null when empty)", content: json({}) },
        responses: { 202: accepted, 400: error("Invalid input"), 404: error("No such workflow"), 409: error("An instance with that id exists") },
      },
    },
    "/api/v1/workflows/{name}/starts": {
      post: {
        summary: "Start many instances",
        description:
          "Up to 1,000 starts of one workflow in one request, idempotent per instance id: an id that exists already is answered `exists` instead of refused, so the same list can be sent again after a lost reply. Every item is checked before any instance is created.",
        parameters: [nameParam],
        requestBody: {
          required: true,
          content: json({
            type: "object",
            required: ["starts"],
            additionalProperties: false,
            properties: {
              version: { type: "integer", minimum: 1, description: "Latest when absent" },
              starts: {
                type: "array",
                minItems: 1,
                maxItems: 1000,
                items: {
                  type: "object",
                  additionalProperties: false,
                  properties: { instanceId: { type: "string", pattern: "^[A-Za-z0-9._:-]{1,200}$", description: "Generated when absent" }, input: { description: "The workflow input (any JSON; null when absent)" } },
                },
              },
            },
          }),
        },
        responses: {
          202: {
            description: "Each start's outcome, in the order sent",
            content: json({
              type: "object",
              required: ["starts"],
              properties: {
                starts: {
                  type: "array",
                  items: {
                    type: "object",
                    required: ["instanceId", "outcome", "statusQueryUrl"],
                    properties: {
                      instanceId: { type: "string" },
                      outcome: { enum: ["started", "exists"] },
                      workflowVersion: { type: "integer", description: "The version started; absent when the instance existed" },
                      statusQueryUrl: { type: "string" },
                    },
                  },
                },
              },
            }),
          },
          400: error("Invalid input; the message names the item (starts[i])"),
          404: error("No such workflow or version"),
        },
      },
    },
    "/api/v1/instances": {
      get: {
        summary: "List instances, newest first",
        parameters: [
          { name: "workflowName", in: "query", schema: { type: "string" } },
          { name: "workflowVersion", in: "query", schema: { type: "integer" } },
          { name: "status", in: "query", schema: { type: "string" }, description: `Comma-separated: ${RUNTIME_STATUSES.join(", ")}` },
          { name: "createdFrom", in: "query", schema: { type: "string", format: "date-time" } },
          { name: "createdTo", in: "query", schema: { type: "string", format: "date-time" } },
          { name: "instanceId", in: "query", schema: { type: "string" }, description: "Id prefix" },
          { name: "waiting", in: "query", schema: { type: "boolean" }, description: "Only running instances that wait on an event or a timer; each lists its oldest five in waitingOn and how many in waitingOnTotal" },
          { name: "includeTests", in: "query", schema: { type: "boolean" }, description: "Test runs of drafts too; left out by default" },
          { name: "order", in: "query", schema: { enum: [...INSTANCE_ORDERS] }, description: "By creation time: newest (the default) or oldest first" },
          { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 1000 } },
          { name: "cursor", in: "query", schema: { type: "string" }, description: "nextCursor of the previous page, in the same order" },
        ],
        responses: { 200: { description: "A page", content: json({ type: "object", properties: { instances: { type: "array", items: ref("ListedInstance") }, nextCursor: { type: ["string", "null"] } } }) }, 400: error("Invalid filter") },
      },
    },
    "/api/v1/instances/counts": {
      get: {
        summary: "How many instances per status, and how many wait",
        description: "Takes the filters of the list, status aside.",
        responses: { 200: { description: "Counts", content: json({ type: "object", properties: { byStatus: { type: "object", additionalProperties: { type: "integer" } }, waiting: { type: "integer" } } }) } },
      },
    },
    "/api/v1/instances/{id}/rerun": {
      post: {
        summary: "Re-run an ended instance as a new instance linked to it",
        description: "retry_failed: from the failed step, reusing the recorded outputs of the steps before it; from_start: same input and version; on_version: same input on the given version.",
        parameters: [idParam],
        requestBody: { required: true, content: json({ type: "object", required: ["mode"], properties: { mode: { enum: [...RERUN_KINDS] }, version: { type: "integer" } }, additionalProperties: false }) },
        responses: { 202: accepted, 400: error("Invalid mode or version"), 404: error("No such instance or version"), 409: error("Not possible in the instance's state") },
      },
    },
    "/api/v1/approvals": {
      get: {
        summary: "Approvals waiting for a decision, oldest first",
        parameters: [
          { name: "workflowName", in: "query", schema: { type: "string" } },
          { name: "instanceId", in: "query", schema: { type: "string" } },
          { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 1000 }, description: "100 unless said" },
          { name: "cursor", in: "query", schema: { type: "string" }, description: "nextCursor of the previous page" },
        ],
        responses: {
          200: {
            description: "A page of pending approvals",
            content: json({
              type: "object",
              properties: {
                approvals: { type: "array", items: ref("PendingApproval") },
                total: { type: "integer", description: "Every pending approval the filter leaves, on all pages" },
                nextCursor: { type: ["string", "null"] },
              },
            }),
          },
          400: error("Invalid limit or cursor"),
        },
      },
    },
    "/api/v1/instances/{id}/approvals/{waitId}": {
      post: {
        summary: "Decide one waiting approval",
        description: "Raises {decision, approver, comment, decidedAt} for this wait alone. The approver is who calls; the approval step may allow only some people or groups. Exactly one decision counts per wait.",
        parameters: [idParam, { name: "waitId", in: "path", required: true, schema: { type: "string" } }],
        requestBody: { required: true, content: json({ type: "object", required: ["decision"], properties: { decision: { enum: ["approved", "rejected"] }, comment: { type: "string" } }, additionalProperties: false }) },
        responses: {
          202: { description: "Decision recorded" },
          400: error("Invalid decision"),
          403: error("No approver role, not among the people or groups the step names, or the person who started the instance when the step keeps them out"),
          404: error("No such instance"),
          409: error("Already decided, timed out, or the instance has ended"),
        },
      },
    },
    "/api/v1/instances/{id}": {
      get: { summary: "Instance status", parameters: [idParam], responses: { 200: { description: "Status", content: json(ref("Instance")) }, 404: error("No such instance") } },
      delete: { summary: "Purge an ended instance and its history", description: "The audit log records who purged it.", parameters: [idParam], responses: { 204: { description: "Purged" }, 404: error("No such instance"), 409: error("The instance has not ended") } },
    },
    "/api/v1/instances/{id}/children": {
      get: {
        summary: "Child instances its sub-workflow steps started, oldest first",
        parameters: [idParam],
        responses: {
          200: {
            description: "At most 100 children, and how many there are",
            content: json({
              type: "object",
              properties: {
                children: {
                  type: "array",
                  items: {
                    type: "object",
                    properties: {
                      instanceId: { type: "string" },
                      workflowName: { type: "string" },
                      node: { type: "string", description: "The sub-workflow step" },
                      stepId: { type: "string", description: "The step's place: in a map, one per iteration" },
                      attempt: { type: "integer", description: "The step's attempt that started this child" },
                      createdAt: { type: "string", format: "date-time" },
                      runtimeStatus: { enum: [...RUNTIME_STATUSES] },
                    },
                  },
                },
                childrenTotal: { type: "integer" },
              },
            }),
          },
          404: error("No such instance"),
        },
      },
    },
    "/api/v1/instances/{id}/history": {
      get: {
        summary: "History events in order (all generations)",
        parameters: [idParam, { name: "afterSeq", in: "query", schema: { type: "integer", minimum: 0 } }, { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 10000 } }],
        responses: { 200: { description: "Events", content: json({ type: "object", properties: { events: { type: "array", items: ref("HistoryEvent") } } }) }, 404: error("No such instance") },
      },
    },
    "/api/v1/instances/{id}/watch": {
      get: {
        summary: "The instance and its history as server-sent events",
        description:
          "Each message's data is an InstanceUpdate: first every event after afterSeq (in chunks of 2,000; until seq reaches lastSeq more of the backlog follows), then each change as it is stored. A message's id is the seq to resume after: a reconnecting EventSource sends it as Last-Event-ID. A comment line every 15 s keeps the stream open through proxies; an `error` event ends a stream that failed after it began; the stream ends when the instance is purged.",
        parameters: [idParam, { name: "afterSeq", in: "query", schema: { type: "integer", minimum: 0 } }, { name: "Last-Event-ID", in: "header", schema: { type: "string" } }],
        responses: { 200: { description: "A stream of InstanceUpdate messages", content: { "text/event-stream": { schema: ref("InstanceUpdate") } } }, 404: error("No such instance") },
      },
    },
    "/api/v1/instances/{id}/events/{eventName}": {
      post: {
        summary: "Raise an external event",
        description:
          "The body is the payload. An event raised before the instance waits for it is kept and delivered, except to an approval. An event that an open approval waits for is that approval's decision: it takes the approver role and someone the step allows, the payload is {decision: approved | rejected, comment?}, and the caller is recorded as the approver (the answer's `decided`). An approval takes no event raised before it waits. eventId makes a retried call a no-op.",
        parameters: [idParam, { name: "eventName", in: "path", required: true, schema: { type: "string", pattern: "^[A-Za-z0-9_.:-]{1,128}$" } }, { name: "eventId", in: "query", schema: { type: "string" } }],
        requestBody: { required: false, content: json({}) },
        responses: {
          202: { description: "Accepted; poll the Location header for the status", content: json(ref("RaisedEvent")) },
          400: error("Invalid event name, or a payload that is not a decision for the approval that waits for the event"),
          403: error("An approval waits for the event and the caller may not decide it: no approver role, not among the people or groups the step names, or the person who started the instance when the step keeps them out"),
          404: error("No such instance"),
          409: error("The instance has ended, or several approvals wait for the event (decide one at /approvals/{waitId})"),
        },
      },
    },
    ...actions,
    ...bulkPaths,
    ...schedulePaths,
    ...webhookPaths,
    ...retentionPaths,
  }),
  components: {
    parameters: {
      RequestId: {
        name: "X-Request-Id",
        in: "header",
        description: "An id for the request's log lines and trace (1-128 letters, digits or . _ : -); a new UUID when absent or not of that form",
        schema: { type: "string" },
      },
    },
    headers: {
      RequestId: { description: "The request's id: the one it sent, or the one made for it", schema: { type: "string" } },
    },
    securitySchemes: {
      apiToken: { type: "http", scheme: "bearer", description: "An API token (fc_...) created by an admin" },
      session: { type: "apiKey", in: "cookie", name: "flowcraft_session", description: "The web app's session; changes also need the x-flowcraft-csrf header" },
    },
    schemas: {
      ...definitionComponents(),
      ...bulkSchemas,
      ...scheduleSchemas,
      ...webhookSchemas,
      ...retentionSchemas,
      Credentials: {
        type: "object",
        required: ["username", "password"],
        properties: { username: { type: "string" }, password: { type: "string", minLength: 10 }, displayName: { type: "string" } },
        additionalProperties: false,
      },
      PasswordChange: {
        type: "object",
        required: ["currentPassword", "newPassword"],
        properties: { currentPassword: { type: "string", minLength: 1, maxLength: 200 }, newPassword: { type: "string", minLength: MIN_PASSWORD_LENGTH, maxLength: 200 } },
        additionalProperties: false,
      },
      Error: {
        type: "object",
        required: ["error"],
        properties: {
          error: {
            type: "object",
            required: ["code", "message"],
            properties: {
              code: {
                type: "string",
                examples: ["invalid", "invalid_json", "unauthenticated", "forbidden", "not_found", "conflict", "too_large", "unsupported_media_type", "too_many_requests", "internal", "unavailable"],
              },
              message: { type: "string" },
              problems: { type: "array", items: { type: "object", properties: { path: { type: "string" }, nodeId: { type: ["string", "null"] }, field: { type: ["string", "null"] }, message: { type: "string" } } } },
            },
          },
        },
      },
      Accepted: { type: "object", properties: { instanceId: { type: "string" }, statusQueryUrl: { type: "string" }, eventId: { type: "string" } } },
      RaisedEvent: {
        type: "object",
        required: ["eventId"],
        properties: {
          eventId: { type: "string" },
          decided: {
            type: "object",
            description: "Present when the event decided an approval: the wait and what its step outputs",
            properties: {
              waitId: { type: "string" },
              decision: { enum: ["approved", "rejected"] },
              approver: { type: "string", description: "Who raised it" },
              comment: { type: ["string", "null"] },
              decidedAt: { type: "string", format: "date-time" },
            },
          },
        },
      },
      WorkflowSummary: { type: "object", properties: { name: { type: "string" }, latestVersion: { type: "integer" }, versions: { type: "integer" }, createdAt: { type: "string", format: "date-time" }, updatedAt: { type: "string", format: "date-time" } } },
      WorkflowVersion: {
        type: "object",
        properties: { name: { type: "string" }, version: { type: "integer" }, definition: ref("Definition"), hash: { type: "string" }, publishedBy: { type: ["string", "null"] }, createdAt: { type: "string", format: "date-time" } },
      },
      Instance: {
        type: "object",
        properties: {
          instanceId: { type: "string" },
          workflowName: { type: "string" },
          workflowVersion: { type: "integer" },
          createdAt: { type: "string", format: "date-time" },
          lastUpdatedAt: { type: "string", format: "date-time" },
          runtimeStatus: { enum: [...RUNTIME_STATUSES] },
          input: {},
          output: {},
          failure: { type: ["object", "null"], properties: { name: { type: "string" }, message: { type: "string" }, node: { type: "string" }, attempts: { type: "integer" } } },
          customStatus: {},
          generation: { type: "integer", description: "Continue-as-new generation, from 1" },
          origin: { type: ["object", "null"], description: "The instance this one re-runs", properties: { instanceId: { type: "string" }, kind: { enum: [...RERUN_KINDS] } } },
          parent: {
            type: ["object", "null"],
            description: "For a child instance: the instance and the sub-workflow step that started it (see /children for the other way)",
            properties: { instanceId: { type: "string" }, node: { type: "string" }, stepId: { type: "string" } },
          },
          startedBy: { type: ["string", "null"], description: "Who started it: a username, or token:<name>" },
          test: { type: "boolean", description: "A test run of a draft from the designer; its workflowVersion is a test version (below 1)" },
          schedule: {
            type: ["object", "null"],
            description: "The schedule occurrence that started it (startedBy is then schedule:<id>, or who triggered or backfilled it)",
            properties: { scheduleId: { type: "string" }, scheduledAt: { type: "string", format: "date-time", description: "The occurrence's time, before jitter" } },
          },
        },
      },
      ListedInstance: {
        allOf: [
          ref("Instance"),
          {
            type: "object",
            properties: {
              waitingOn: {
                type: "array",
                description: "Its oldest open waits, at most five: events not yet raised and timers not yet fired",
                items: {
                  type: "object",
                  properties: {
                    kind: { enum: ["event", "timer"] },
                    node: { type: "string" },
                    event: { type: ["string", "null"], description: "null for a timer" },
                    since: { type: "string", format: "date-time" },
                    until: { type: ["string", "null"], format: "date-time", description: "When the wait times out or the timer fires" },
                    approval: { type: "boolean", description: "A human approval" },
                  },
                },
              },
              waitingOnTotal: { type: "integer", description: "How many open waits it has in all" },
            },
          },
        ],
      },
      PendingApproval: {
        type: "object",
        properties: {
          instanceId: { type: "string" },
          workflowName: { type: "string" },
          workflowVersion: { type: "integer" },
          generation: { type: "integer", description: "The run of the instance the wait belongs to; a monitor's continue-as-new starts the next" },
          waitId: { type: "string" },
          node: { type: "string" },
          event: { type: "string" },
          summary: { description: "What is being approved" },
          title: { type: "string", description: "The summary in words, or the wait's node and event when it has none" },
          approvers: { type: "array", items: { type: "string" } },
          groups: { type: "array", items: { type: "string" } },
          excludeStarter: { type: "boolean", description: "The person who started the instance may not decide" },
          startedBy: { type: ["string", "null"] },
          since: { type: "string", format: "date-time" },
          timeoutAt: { type: ["string", "null"], format: "date-time" },
        },
      },
      InstanceUpdate: {
        type: "object",
        required: ["instance", "events", "seq", "lastSeq"],
        properties: {
          instance: ref("Instance"),
          events: { type: "array", items: ref("HistoryEvent"), description: "Events after the previous message, in order" },
          seq: { type: "integer", description: "The last event sent so far" },
          lastSeq: { type: "integer", description: "The newest event when this message was read" },
          definition: { type: "object", description: "The definition of the instance's version, in the first message only" },
        },
      },
      HistoryEvent: {
        type: "object",
        required: ["type", "seq", "at", "generation"],
        properties: { type: { enum: Object.keys(HISTORY_EVENT_TYPES) }, seq: { type: "integer" }, at: { type: "string", format: "date-time" }, generation: { type: "integer" } },
        additionalProperties: true,
      },
    },
  },
} as const;
