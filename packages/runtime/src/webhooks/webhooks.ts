/**
 * Webhooks: per-workflow HTTP endpoints that start an instance, or raise an event on one, for
 * callers that cannot carry an API token. The URL is /hooks/{id}/{token}; the token is 256
 * random bits shown once and stored only as its SHA-256, so a leaked database opens no webhook.
 * A signing secret is sealed under the secrets key, like the secrets of http steps.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { checkExpression, EventNameSchema } from "@flowcraft/definition";
import type { Database } from "@flowcraft/db";
import { invalid, notFound } from "../errors.ts";
import type { Instances } from "../instances.ts";
import type { Secrets } from "../secrets/secrets.ts";
import { ExpressionSandbox } from "../sandbox/expression-sandbox.ts";
import { DEFAULT_TOLERANCE_SECONDS, SIGNATURE_STYLES, type SignatureStyle } from "./signatures.ts";
import { deliver, type Delivered, type WebhookRequest } from "./webhook-delivery.ts";

export const WEBHOOK_KINDS = ["start", "event"] as const;
export type WebhookKind = (typeof WEBHOOK_KINDS)[number];

/** Header names a mapping may read: at most this many, so a request's context stays small. */
export const MAX_MAPPED_HEADERS = 20;
const HEADER_NAME = /^[A-Za-z0-9][A-Za-z0-9-]{0,99}$/;
export const MAX_EXPRESSION_LENGTH = 10_000;
/** Shorter signing secrets are guessable; longer ones no sender uses. */
export const SIGNING_SECRET_BYTES = { min: 8, max: 1024 } as const;
/** An hour at most: beyond it a captured request stays replayable for too long. */
export const MAX_TOLERANCE_SECONDS = 3600;
const WEBHOOK_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** How a webhook reads and answers requests; the same for creating and replacing one. */
export interface WebhookSettings {
  kind: WebhookKind;
  signature: SignatureStyle;
  /** The secret the sender signs with (Stripe's whsec_…); one is made when a signed webhook has none. */
  signingSecret?: string | undefined;
  /** Stripe style: how far the signature's timestamp may be from the server's clock. */
  toleranceSeconds?: number | undefined;
  /** JSONata over {body, headers, query} giving the instance input, or the event payload; the body when absent. */
  inputExpression?: string | null | undefined;
  /** Header names the mapping sees (lowercased); no other header reaches it. */
  headers?: string[] | undefined;
  /** A header carrying the sender's delivery id (X-GitHub-Delivery): a redelivery starts nothing. */
  deliveryHeader?: string | null | undefined;
  /** Event webhooks: the event to raise. */
  eventName?: string | null | undefined;
  /** Event webhooks: JSONata over {body, headers, query} giving the id of the instance to raise it on. */
  instanceExpression?: string | null | undefined;
}

export interface WebhookView {
  id: string;
  workflowName: string;
  kind: WebhookKind;
  signature: SignatureStyle;
  toleranceSeconds: number;
  inputExpression: string | null;
  headers: string[];
  deliveryHeader: string | null;
  eventName: string | null;
  instanceExpression: string | null;
  createdBy: string;
  createdAt: string;
  /** When its URL was last made (created or rotated). */
  rotatedAt: string;
  /** Requests it refused, and the last refusal's reason. */
  refusals: { count: number; last: { reason: string; at: string } | null };
}

/** A webhook with its URL path, shown only now; and its signing secret, when the server made it. */
export interface WebhookGrant {
  webhook: WebhookView;
  path: string;
  signingSecret?: string;
}

/** A webhook as a request found it: its settings and its signing secret, unsealed. */
export interface OpenWebhook extends WebhookView {
  signingSecret: string | null;
}

type WebhookRow = NonNullable<Awaited<ReturnType<Database["prisma"]["webhook"]["findUnique"]>>>;

const digestOf = (token: string) => createHash("sha256").update(token).digest("hex");
const newToken = () => randomBytes(32).toString("base64url");
const pathOf = (id: string, token: string) => `/hooks/${id}/${token}`;
const sealLabel = (id: string) => `webhook:${id}`;

export class Webhooks {
  /** Mapping expressions are the designer's, and the requests they read are hostile: both stay in a sandbox. */
  private readonly sandbox = new ExpressionSandbox({ processes: 1 });

  constructor(
    private readonly db: Database,
    private readonly instances: Instances,
    private readonly secrets: Secrets,
  ) {}

  async create(workflowName: string, settings: WebhookSettings, by: string): Promise<WebhookGrant> {
    const checked = checkSettings(settings);
    const id = randomBytes(12).toString("base64url");
    const token = newToken();
    const signingSecret = checked.signature === "none" ? null : (settings.signingSecret ?? `whsec_${newToken()}`);
    // Webhooks start published versions only: a draft, or a workflow only test-run so far, has none.
    if (!(await this.db.prisma.workflowVersion.findFirst({ where: { workflowName, test: false }, select: { version: true } }))) {
      throw notFound(`there is no published workflow "${workflowName.slice(0, 200)}"; publish it before giving it webhooks`);
    }
    const row = await this.db.prisma.webhook.create({
      data: { id, workflowName, tokenDigest: digestOf(token), ...checked, signingSecret: signingSecret && this.secrets.seal(sealLabel(id), signingSecret), createdBy: by },
    });
    return { webhook: toView(row), path: pathOf(id, token), ...(signingSecret && !settings.signingSecret ? { signingSecret } : {}) };
  }

  async list(workflowName: string): Promise<WebhookView[]> {
    return (await this.db.prisma.webhook.findMany({ where: { workflowName }, orderBy: { createdAt: "asc" } })).map(toView);
  }

  async get(id: string): Promise<WebhookView> {
    return toView(await this.row(id));
  }

  /** Replaces its settings; the URL stays. A signed webhook keeps its signing secret unless given a new one. */
  async update(id: string, settings: WebhookSettings): Promise<Omit<WebhookGrant, "path">> {
    const current = await this.row(id);
    const checked = checkSettings(settings);
    const made = checked.signature !== "none" && !settings.signingSecret && !current.signingSecret ? `whsec_${newToken()}` : undefined;
    const given = settings.signingSecret ?? made;
    const signingSecret = checked.signature === "none" ? null : given ? this.secrets.seal(sealLabel(id), given) : current.signingSecret;
    const row = await this.change(id, { ...checked, signingSecret });
    return { webhook: toView(row), ...(made ? { signingSecret: made } : {}) };
  }

  async remove(id: string): Promise<WebhookView> {
    const row = await this.row(id);
    const { count } = await this.db.prisma.webhook.deleteMany({ where: { id } });
    if (count === 0) throw notFound(`there is no webhook "${id}"`);
    return toView(row);
  }

  /** A new URL token: the old URL is refused from now on. */
  async rotate(id: string): Promise<WebhookGrant> {
    await this.row(id);
    const token = newToken();
    const row = await this.change(id, { tokenDigest: digestOf(token), rotatedAt: new Date() });
    return { webhook: toView(row), path: pathOf(id, token) };
  }

  /**
   * The webhook a URL names, or null; the caller answers both an unknown id and a wrong token
   * alike. A wrong token for a known id is counted as a refusal: someone holds an old URL.
   */
  async open(id: string, token: string): Promise<OpenWebhook | null> {
    if (!WEBHOOK_ID.test(id)) return null;
    const row = await this.db.prisma.webhook.findUnique({ where: { id } });
    if (!row) return null;
    const expected = Buffer.from(row.tokenDigest);
    const given = Buffer.from(digestOf(token));
    if (!timingSafeEqual(expected, given)) {
      await this.refuse(id, "wrong URL token (an old URL, or a guess)");
      return null;
    }
    return { ...toView(row), signingSecret: row.signingSecret && this.secrets.unseal(sealLabel(id), row.signingSecret) };
  }

  /** Counts a refused request on the webhook, keeping why: admins see it. */
  async refuse(id: string, reason: string): Promise<void> {
    await this.db.prisma.webhook.updateMany({ where: { id }, data: { refusals: { increment: 1 }, lastRefusal: reason.slice(0, 500), lastRefusalAt: new Date() } });
  }

  /** Checks the request's signature and starts (or signals) the instance it maps to. */
  receive(webhook: OpenWebhook, request: WebhookRequest): Promise<Delivered> {
    return deliver({ db: this.db, instances: this.instances, evaluate: this.sandbox.evaluate }, webhook, request);
  }

  /** Stops its sandbox processes. */
  close() {
    this.sandbox.close();
  }

  /** Updates the webhook; one deleted meanwhile is not found, as it would be a moment later. */
  private async change(id: string, data: Parameters<Database["prisma"]["webhook"]["update"]>[0]["data"]): Promise<WebhookRow> {
    try {
      return await this.db.prisma.webhook.update({ where: { id }, data });
    } catch (error) {
      if ((error as { code?: string }).code === "P2025") throw notFound(`there is no webhook "${id}"`);
      throw error;
    }
  }

  private async row(id: string): Promise<WebhookRow> {
    const row = WEBHOOK_ID.test(id) ? await this.db.prisma.webhook.findUnique({ where: { id } }) : null;
    if (!row) throw notFound(`there is no webhook "${id.slice(0, 64)}"`);
    return row;
  }
}

/** The settings as stored, each checked with an error that names it. */
function checkSettings(settings: WebhookSettings) {
  const { kind, signature } = settings;
  if (!WEBHOOK_KINDS.includes(kind)) throw invalid(`kind must be one of ${WEBHOOK_KINDS.join(", ")}`);
  if (!SIGNATURE_STYLES.includes(signature)) throw invalid(`signature must be one of ${SIGNATURE_STYLES.join(", ")}`);
  if (settings.signingSecret !== undefined) {
    if (signature === "none") throw invalid("a signing secret needs a signature style (github or stripe)");
    const bytes = Buffer.byteLength(settings.signingSecret);
    if (bytes < SIGNING_SECRET_BYTES.min || bytes > SIGNING_SECRET_BYTES.max) throw invalid(`signingSecret must be ${SIGNING_SECRET_BYTES.min} to ${SIGNING_SECRET_BYTES.max} bytes`);
  }
  const toleranceSeconds = settings.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  if (!Number.isInteger(toleranceSeconds) || toleranceSeconds < 1 || toleranceSeconds > MAX_TOLERANCE_SECONDS) {
    throw invalid(`toleranceSeconds must be a whole number from 1 to ${MAX_TOLERANCE_SECONDS}`);
  }
  const headers = [...new Set((settings.headers ?? []).map((name) => name.toLowerCase()))];
  if (headers.length > MAX_MAPPED_HEADERS) throw invalid(`a mapping may read at most ${MAX_MAPPED_HEADERS} headers`);
  const badHeader = [...headers, settings.deliveryHeader ?? "x"].find((name) => !HEADER_NAME.test(name));
  if (badHeader !== undefined) throw invalid(`"${badHeader.slice(0, 100)}" is not a header name`);
  const inputExpression = checkedExpression("inputExpression", settings.inputExpression);
  const instanceExpression = checkedExpression("instanceExpression", settings.instanceExpression);
  const eventName = settings.eventName ?? null;
  if (kind === "event") {
    if (!eventName || !EventNameSchema.safeParse(eventName).success) throw invalid("an event webhook needs eventName: 1-128 letters, digits or _ . : -");
    if (!instanceExpression) throw invalid("an event webhook needs instanceExpression, which picks the instance from the request");
  } else if (eventName !== null || instanceExpression !== null) {
    throw invalid("eventName and instanceExpression belong to event webhooks only");
  }
  return { kind, signature, toleranceSeconds, inputExpression, instanceExpression, eventName, headers, deliveryHeader: settings.deliveryHeader?.toLowerCase() ?? null };
}

function checkedExpression(field: string, expression: string | null | undefined): string | null {
  if (expression === undefined || expression === null || expression.trim() === "") return null;
  if (expression.length > MAX_EXPRESSION_LENGTH) throw invalid(`${field} is longer than ${MAX_EXPRESSION_LENGTH} characters`);
  const problem = checkExpression(expression);
  if (problem) throw invalid(`${field}: ${problem}`);
  return expression;
}

function toView(row: WebhookRow): WebhookView {
  return {
    id: row.id,
    workflowName: row.workflowName,
    kind: row.kind as WebhookKind,
    signature: row.signature as SignatureStyle,
    toleranceSeconds: row.toleranceSeconds,
    inputExpression: row.inputExpression,
    headers: row.headers,
    deliveryHeader: row.deliveryHeader,
    eventName: row.eventName,
    instanceExpression: row.instanceExpression,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    rotatedAt: row.rotatedAt.toISOString(),
    refusals: { count: row.refusals, last: row.lastRefusal && row.lastRefusalAt ? { reason: row.lastRefusal, at: row.lastRefusalAt.toISOString() } : null },
  };
}
