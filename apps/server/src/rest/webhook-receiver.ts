/**
 * The URL a webhook gives out: POST /hooks/{id}/{token}. It takes no API token or session (the
 * token in the URL is the credential), reads the body as bytes so its signature can be checked,
 * and answers 202 with the instance id. Every refusal of a known webhook is counted on it with
 * its reason, for admins to see; an unknown id and a wrong token get the same 404.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Json } from "@flowcraft/engine";
import { SignatureRefusal, type OpenWebhook, type Webhooks } from "@flowcraft/runtime";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { AccessError } from "../accounts/access-errors.ts";
import { webhookUrlAttempts } from "../accounts/attempts.ts";
import { answerOf } from "../caller-errors.ts";
import { logFailure } from "../logging.ts";
import { errorBody } from "./errors.ts";
import { parseJsonText, utf8TextOf } from "./json-text.ts";

/** The largest body a webhook reads: the most a value in history may take. */
export const WEBHOOK_BODY_LIMIT_BYTES = 1024 * 1024;
/** Requests one webhook takes per minute: a busy GitHub organisation's bursts, not a flood. */
export const WEBHOOK_REQUESTS_PER_MINUTE = 600;

declare module "fastify" {
  interface FastifyRequest {
    webhook?: OpenWebhook;
  }
}

/** A refusal of the webhook route's own: the HTTP layer's part (404, 415). */
class WebhookRefusal extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface WebhookReceiverOptions {
  webhooks: Webhooks;
  requestsPerMinute?: number;
}

export async function webhookReceiver(app: FastifyInstance, { webhooks, requestsPerMinute = WEBHOOK_REQUESTS_PER_MINUTE }: WebhookReceiverOptions) {
  const perWebhook = new RateLimiterMemory({ points: requestsPerMinute, duration: 60 });
  const unknownUrls = webhookUrlAttempts();

  /** Before the body is read: an unknown URL or a webhook over its rate never costs a body's worth of work. */
  async function admit(request: FastifyRequest) {
    const { id, token } = request.params as { id: string; token: string };
    const webhook = await webhooks.open(id, token);
    if (!webhook) {
      await unknownUrls.count(request.ip);
      throw new WebhookRefusal(404, "not_found", "there is no webhook at this URL (it may have been rotated or deleted)");
    }
    request.webhook = webhook;
    try {
      await perWebhook.consume(webhook.id);
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      const seconds = Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
      throw new AccessError("too_many_requests", `this webhook takes at most ${requestsPerMinute} requests a minute; try again in ${seconds} s`, seconds);
    }
  }

  async function refuse(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
    const answer = error instanceof SignatureRefusal ? { status: 401, code: "bad_signature", message: error.message } : answerOf(error);
    if (!answer || answer.status >= 500) logFailure(request, error);
    if (!answer) return reply.status(500).send(errorBody("internal", "the server failed to handle this request; it has been logged"));
    if (request.webhook) await webhooks.refuse(request.webhook.id, `${answer.status}: ${answer.message}`);
    if (answer.retryAfterSeconds !== undefined) void reply.header("retry-after", String(answer.retryAfterSeconds));
    return reply.status(answer.status).send(errorBody(answer.code, answer.message));
  }

  await app.register(async (scope) => {
    // Every type arrives as bytes; which ones a webhook reads is decided in bodyOf.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser("*", { parseAs: "buffer" }, (_request, body, done) => done(null, body));
    scope.post(
      "/hooks/:id/:token",
      { bodyLimit: WEBHOOK_BODY_LIMIT_BYTES, config: { need: "public" }, onRequest: admit, errorHandler: refuse },
      async (request, reply) => {
        const rawBody = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const delivered = await webhooks.receive(request.webhook!, {
          rawBody,
          readBody: () => bodyOf(rawBody, request.headers["content-type"]),
          headers: request.headers,
          query: { ...(request.query as Record<string, Json>) },
        });
        return reply.status(202).send(delivered.eventId ? { instanceId: delivered.instanceId, eventId: delivered.eventId } : { instanceId: delivered.instanceId });
      },
    );
  });
}

/** The body as the mapping sees it: JSON, form fields (a repeated field as a list), or text; null when empty. */
function bodyOf(raw: Buffer, contentType: string | undefined): Json {
  if (raw.length === 0) return null;
  const mediaType = (contentType ?? "").split(";", 1)[0]!.trim().toLowerCase();
  if (mediaType === "application/json" || mediaType.endsWith("+json")) return (parseJsonText(utf8TextOf(raw, "request body"), "request body") ?? null) as Json;
  if (mediaType === "application/x-www-form-urlencoded") {
    const fields = new Map<string, string | string[]>();
    for (const [name, value] of new URLSearchParams(utf8TextOf(raw, "request body"))) {
      const seen = fields.get(name);
      fields.set(name, seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value]);
    }
    // fromEntries defines each field as the object's own, so a field named __proto__ stays a field.
    return Object.fromEntries(fields);
  }
  if (mediaType.startsWith("text/")) return utf8TextOf(raw, "request body");
  throw new WebhookRefusal(415, "unsupported_media_type", `a webhook reads application/json, application/x-www-form-urlencoded or text/*, not ${mediaType.slice(0, 100) || "a body without a Content-Type"}`);
}
