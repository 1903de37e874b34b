/**
 * What a webhook does with a request its URL let through: check the signature, map the request
 * to the instance input (or event payload), and start the instance or raise the event. With a
 * delivery id (the webhook's delivery-id header, or the sender's own: GitHub's X-GitHub-Delivery,
 * the id of a Stripe event), the instance id (or event id) is derived from the webhook and the
 * delivery id, so a redelivery, even one arriving at the same moment, meets the first one's row and
 * starts nothing.
 */
import { createHash, randomUUID } from "node:crypto";
import type { Database } from "@flowcraft/db";
import type { Evaluator, Json } from "@flowcraft/engine";
import { ClientError, invalid } from "../errors.ts";
import { INSTANCE_ID_PATTERN, type Instances } from "../instances.ts";
import { SandboxUnavailableError } from "../sandbox/expression-sandbox.ts";
import { checkGithubSignature, checkStripeSignature, SignatureRefusal } from "./signatures.ts";
import type { OpenWebhook } from "./webhooks.ts";

const MAX_DELIVERY_ID_LENGTH = 200;
/** GitHub sends it with every delivery and keeps it when one is redelivered. */
const GITHUB_DELIVERY_HEADER = "x-github-delivery";

/** A request as the HTTP layer read it. */
export interface WebhookRequest {
  /** The body's bytes as sent: what the signature covers. */
  rawBody: Buffer;
  /**
   * The body read by its content type (JSON, form fields, or text; null when empty). Read only
   * once the signature holds: an unsigned body is never parsed.
   */
  readBody(): Json;
  /** Header names lowercased; only the webhook's selected ones reach its mapping. */
  headers: Record<string, string | string[] | undefined>;
  query: Record<string, Json>;
}

/** The instance the request started or raised its event on; a redelivery gets the first delivery's. */
export interface Delivered {
  instanceId: string;
  eventId?: string;
}

export interface DeliveryServices {
  db: Database;
  instances: Instances;
  evaluate: Evaluator;
}

export async function deliver({ db, instances, evaluate }: DeliveryServices, webhook: OpenWebhook, request: WebhookRequest): Promise<Delivered> {
  await checkSignature(db, webhook, request);
  const body = request.readBody();
  const context = { body, headers: selectedHeaders(webhook.headers, request.headers), query: request.query };
  const deliveryKey = deliveryKeyOf(webhook, request.headers, body);
  const payload = webhook.inputExpression ? await mapped(evaluate, "inputExpression", webhook.inputExpression, context) : body;
  const by = `webhook:${webhook.id}`;

  if (webhook.kind === "event") {
    const instanceId = await mapped(evaluate, "instanceExpression", webhook.instanceExpression!, context);
    if (typeof instanceId !== "string" || !INSTANCE_ID_PATTERN.test(instanceId)) {
      throw invalid(`instanceExpression gave ${JSON.stringify(instanceId)?.slice(0, 200)}, not an instance id`);
    }
    // The inbox and the raised-event table drop an event id seen before: a redelivery is no
    // second event, and one that arrives after the instance ended is answered as the first was.
    const eventId = deliveryKey ? `webhook:${webhook.id}:${deliveryKey}` : randomUUID();
    if (deliveryKey && (await alreadyRaised(db, instanceId, eventId))) return { instanceId, eventId };
    await instances.raiseEvent(instanceId, webhook.eventName!, payload, { eventId, raisedBy: by });
    return { instanceId, eventId };
  }

  const instanceId = deliveryKey ? `webhook-${webhook.id}-${deliveryKey}` : undefined;
  try {
    const started = await instances.start(webhook.workflowName, payload, { ...(instanceId ? { instanceId } : {}), by });
    return { instanceId: started.instanceId };
  } catch (error) {
    if (instanceId && error instanceof ClientError && error.code === "conflict") return { instanceId };
    throw error;
  }
}

async function checkSignature(db: Database, webhook: OpenWebhook, request: WebhookRequest) {
  if (webhook.signature === "none") return;
  const secret = webhook.signingSecret;
  if (!secret) throw new SignatureRefusal("the webhook has no signing secret; set one");
  if (webhook.signature === "github") return checkGithubSignature(secret, request.rawBody, request.headers);
  const accepted = checkStripeSignature(secret, request.rawBody, request.headers, webhook.toleranceSeconds, new Date());
  // Signatures past their window are refused by their timestamp already: drop them as we go.
  await db.prisma.webhookSignature.deleteMany({ where: { webhookId: webhook.id, expiresAt: { lt: new Date() } } });
  const inserted = await db.prisma.$executeRaw`INSERT INTO webhook_signature (webhook_id, digest, expires_at)
    VALUES (${webhook.id}, ${accepted.digest}, ${accepted.expiresAt}) ON CONFLICT DO NOTHING`;
  if (inserted === 0) throw new SignatureRefusal("this Stripe-Signature was accepted before: a replayed request");
}

async function alreadyRaised(db: Database, instanceId: string, eventId: string): Promise<boolean> {
  const [row] = await db.prisma.$queryRaw<Array<{ raised: boolean }>>`SELECT
    EXISTS (SELECT 1 FROM raised_event WHERE instance_id = ${instanceId} AND event_id = ${eventId})
    OR EXISTS (SELECT 1 FROM inbox_message WHERE instance_id = ${instanceId} AND dedupe_key = ${`event:${eventId}`}) AS raised`;
  return row?.raised ?? false;
}

function selectedHeaders(names: readonly string[], headers: WebhookRequest["headers"]): Record<string, string> {
  const selected: Record<string, string> = {};
  for (const name of names) {
    const value = headers[name];
    if (value !== undefined) selected[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return selected;
}

/**
 * The delivery id as a digest: fixed length and URL-safe, whatever the sender put in it. The
 * webhook's own delivery-id header comes first and must be there. Without one, a GitHub-signed
 * request's X-GitHub-Delivery, or a Stripe-signed event's id (evt_…, the same on every retry,
 * where the signature is new each time) is used when present.
 */
function deliveryKeyOf(webhook: OpenWebhook, headers: WebhookRequest["headers"], body: Json): string | null {
  if (webhook.deliveryHeader) {
    const key = digestOf(headers[webhook.deliveryHeader], `the ${webhook.deliveryHeader} header`);
    if (key === null) throw invalid(`the request has no single ${webhook.deliveryHeader} header, which carries its delivery id`);
    return key;
  }
  if (webhook.signature === "github") return digestOf(headers[GITHUB_DELIVERY_HEADER], `the ${GITHUB_DELIVERY_HEADER} header`);
  if (webhook.signature === "stripe" && body !== null && typeof body === "object" && !Array.isArray(body)) return digestOf(body.id, "the event's id");
  return null;
}

/** The digest of a delivery id, or null when there is none (not one non-blank string); `source` names where it was read, for the error. */
function digestOf(deliveryId: unknown, source: string): string | null {
  if (typeof deliveryId !== "string" || deliveryId.trim() === "") return null;
  if (deliveryId.length > MAX_DELIVERY_ID_LENGTH) throw invalid(`${source} is longer than ${MAX_DELIVERY_ID_LENGTH} characters`);
  return createHash("sha256").update(deliveryId).digest("base64url").slice(0, 32);
}

async function mapped(evaluate: Evaluator, field: string, expression: string, context: Record<string, unknown>): Promise<Json> {
  try {
    return await evaluate(expression, context);
  } catch (error) {
    if (error instanceof SandboxUnavailableError) throw error;
    throw invalid(`the webhook's ${field} failed: ${(error as Error).message}`);
  }
}
