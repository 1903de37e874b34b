/**
 * The one contract for a webhook's settings, for REST and tRPC alike, and how a webhook is shown
 * to a caller: the requests it refused are for admins only, since their reasons echo what
 * strangers sent.
 */
import { may, type Principal } from "../accounts/roles.ts";
import { MAX_EXPRESSION_LENGTH, MAX_MAPPED_HEADERS, MAX_TOLERANCE_SECONDS, SIGNATURE_STYLES, SIGNING_SECRET_BYTES, WEBHOOK_KINDS, type WebhookView } from "@flowcraft/runtime";
import { z } from "zod";

const Expression = z.string().max(MAX_EXPRESSION_LENGTH).nullable().optional();
const HeaderName = z.string().min(1).max(100);

export const WebhookSettingsInput = z
  .object({
    kind: z.enum(WEBHOOK_KINDS),
    signature: z.enum(SIGNATURE_STYLES),
    signingSecret: z.string().min(SIGNING_SECRET_BYTES.min).max(SIGNING_SECRET_BYTES.max).optional(),
    toleranceSeconds: z.number().int().min(1).max(MAX_TOLERANCE_SECONDS).optional(),
    inputExpression: Expression,
    headers: z.array(HeaderName).max(MAX_MAPPED_HEADERS).optional(),
    deliveryHeader: HeaderName.nullable().optional(),
    eventName: z.string().min(1).max(128).nullable().optional(),
    instanceExpression: Expression,
  })
  .strict();

export const WebhookIdInput = z.string().min(1).max(64);

/** A webhook as this caller may see it: refusals only for admins. */
export type ShownWebhook = Omit<WebhookView, "refusals"> & { refusals: WebhookView["refusals"] | null };

export function shownTo(principal: Principal | null, webhook: WebhookView): ShownWebhook {
  return principal && may(principal, "administer") ? webhook : { ...webhook, refusals: null };
}
