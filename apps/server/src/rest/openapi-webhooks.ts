/** The OpenAPI description of webhooks: managing them, and the URL senders call. */
import { DEFAULT_TOLERANCE_SECONDS, SIGNATURE_STYLES, WEBHOOK_KINDS } from "@flowcraft/runtime";
import { z } from "zod";
import { WEBHOOK_BODY_LIMIT_BYTES, WEBHOOK_REQUESTS_PER_MINUTE } from "./webhook-receiver.ts";
import { WebhookSettingsInput } from "./webhook-settings.ts";

const json = (schema: unknown) => ({ "application/json": { schema } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const error = (description: string) => ({ description, content: json(ref("Error")) });
const nameParam = { name: "name", in: "path", required: true, schema: { type: "string" }, description: "Workflow name" };
const idParam = { name: "id", in: "path", required: true, schema: { type: "string" }, description: "Webhook id" };
const grant = (description: string) => ({ description, content: json(ref("WebhookGrant")) });
const settingsBody = { required: true, content: json(ref("WebhookSettings")) };
const forbidden = error("Managing webhooks takes the designer and operator roles");

export const webhookPaths = {
  "/api/v1/workflows/{name}/webhooks": {
    get: {
      summary: "The workflow's webhooks",
      description: "Anyone signed in may list them; only admins see the requests each refused (refusals is null for others). URLs are never listed.",
      parameters: [nameParam],
      responses: { 200: { description: "Webhooks", content: json({ type: "object", properties: { webhooks: { type: "array", items: ref("Webhook") } } }) } },
    },
    post: {
      summary: "Create a webhook; its URL (and a signing secret the server made) is shown only in this answer",
      parameters: [nameParam],
      requestBody: settingsBody,
      responses: { 201: grant("Created"), 400: error("Invalid settings; the message names the field"), 403: forbidden, 404: error("No such workflow") },
    },
  },
  "/api/v1/webhooks/{id}": {
    get: { summary: "One webhook", parameters: [idParam], responses: { 200: { description: "The webhook", content: json(ref("Webhook")) }, 404: error("No such webhook") } },
    put: {
      summary: "Replace a webhook's settings; its URL stays, and so does its signing secret unless a new one is given",
      parameters: [idParam],
      requestBody: settingsBody,
      responses: { 200: { description: "Updated", content: json({ type: "object", properties: { webhook: ref("Webhook"), signingSecret: { type: "string" } } }) }, 400: error("Invalid settings"), 403: forbidden, 404: error("No such webhook") },
    },
    delete: { summary: "Delete a webhook; its URL answers 404 from now on", parameters: [idParam], responses: { 204: { description: "Deleted" }, 403: forbidden, 404: error("No such webhook") } },
  },
  "/api/v1/webhooks/{id}/rotate": {
    post: { summary: "Give a webhook a new URL; the old one answers 404 from now on", parameters: [idParam], responses: { 200: grant("The new URL"), 403: forbidden, 404: error("No such webhook") } },
  },
  "/hooks/{id}/{token}": {
    post: {
      summary: "A webhook's URL: start an instance, or raise an event on one",
      description: `No API token or session: the URL is the credential. The body (at most ${WEBHOOK_BODY_LIMIT_BYTES} bytes) may be application/json, application/x-www-form-urlencoded (a repeated field becomes a list) or text/*. A signed webhook checks X-Hub-Signature-256 (github) or Stripe-Signature (stripe, timestamp within toleranceSeconds, ${DEFAULT_TOLERANCE_SECONDS} s by default, each signature accepted once). With a delivery id (the deliveryHeader's; without one, X-GitHub-Delivery on a github webhook, the event's id on a stripe one), a redelivery answers the first delivery's ids and starts nothing. Each webhook takes ${WEBHOOK_REQUESTS_PER_MINUTE} requests a minute. Every refusal of a known webhook is counted on it.`,
      security: [],
      parameters: [idParam, { name: "token", in: "path", required: true, schema: { type: "string" }, description: "The URL's secret" }],
      requestBody: { required: false, content: { "application/json": { schema: {} }, "application/x-www-form-urlencoded": { schema: { type: "object" } }, "text/plain": { schema: { type: "string" } } } },
      responses: {
        202: { description: "Started (or, for an event webhook, raised)", content: json({ type: "object", required: ["instanceId"], properties: { instanceId: { type: "string" }, eventId: { type: "string" } } }) },
        400: error("The body is not valid for its type, the delivery-id header is missing, or a mapping expression failed (its error is in the message)"),
        401: error("The signature is missing, does not match, is outside the tolerance window, or was used before"),
        404: error("No webhook at this URL (an unknown id and a wrong token are answered alike), or an event webhook's expression names no instance"),
        409: error("An event webhook's instance has ended"),
        413: error(`The body is over ${WEBHOOK_BODY_LIMIT_BYTES} bytes`),
        415: error("The body's type is not one a webhook reads"),
        429: error("Over the webhook's rate, or too many unknown webhook URLs from this address; try again after Retry-After seconds"),
      },
    },
  },
};

const refusals = {
  type: ["object", "null"],
  description: "Admins only (null for others): how many requests it refused, and the last one's reason",
  properties: { count: { type: "integer" }, last: { type: ["object", "null"], properties: { reason: { type: "string" }, at: { type: "string", format: "date-time" } } } },
};

export const webhookSchemas = {
  WebhookSettings: (({ $schema: _schema, ...schema }) => schema)(z.toJSONSchema(WebhookSettingsInput, { io: "input" })),
  Webhook: {
    type: "object",
    properties: {
      id: { type: "string" },
      workflowName: { type: "string" },
      kind: { enum: [...WEBHOOK_KINDS] },
      signature: { enum: [...SIGNATURE_STYLES] },
      toleranceSeconds: { type: "integer" },
      inputExpression: { type: ["string", "null"] },
      headers: { type: "array", items: { type: "string" } },
      deliveryHeader: { type: ["string", "null"] },
      eventName: { type: ["string", "null"] },
      instanceExpression: { type: ["string", "null"] },
      createdBy: { type: "string" },
      createdAt: { type: "string", format: "date-time" },
      rotatedAt: { type: "string", format: "date-time" },
      refusals,
    },
  },
  WebhookGrant: {
    type: "object",
    properties: {
      webhook: ref("Webhook"),
      url: { type: "string", description: "The full URL to give the sender; shown only now" },
      signingSecret: { type: "string", description: "Present when the server made the signing secret; shown only now" },
    },
  },
};
