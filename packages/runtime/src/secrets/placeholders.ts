/**
 * `{{secret:<name>}}` in an http step's url, header values or body: replaced by the secret's value
 * just before each request is sent (each redirect hop too), and only when the request goes to a
 * host the secret is bound to. History keeps the placeholders, never the values.
 */
import { ActivityError } from "../sdk.ts";
import { hostAllowed, type ResolvedSecret } from "./secrets.ts";

/** Also as the URL parser leaves it in a path or query: `%7B%7Bsecret:name%7D%7D`. */
const PLACEHOLDER = /(?:\{\{|%7B%7B)secret:([A-Za-z0-9][A-Za-z0-9_.-]{0,63})(?:\}\}|%7D%7D)/gi;

export interface SecretSource {
  resolve(name: string): Promise<ResolvedSecret | null>;
}

export interface OutgoingRequest {
  url: URL;
  headers: Record<string, string>;
  body: string | undefined;
}

export interface FilledRequest<T> {
  request: T;
  /** A text with the values filled in replaced by `[secret <name>]`: for errors that quote the request. */
  hide(text: string): string;
}

const showAll = (text: string) => text;

/** The request with every placeholder filled in; refuses unknown secrets and hosts a secret is not bound to. */
export async function withSecrets<T extends OutgoingRequest>(request: T, secrets: SecretSource | undefined): Promise<FilledRequest<T>> {
  const texts = [request.url.href, request.body ?? "", ...Object.values(request.headers)];
  const names = [...new Set(texts.flatMap((text) => [...text.matchAll(PLACEHOLDER)].map((match) => match[1]!)))];
  if (names.length === 0) return { request, hide: showAll };
  const values = new Map<string, string>();
  for (const name of names) {
    const secret = secrets ? await secrets.resolve(name) : null;
    if (!secret) throw refusal(`http step uses the secret "${name}", which does not exist`);
    if (!hostAllowed(secret.hosts, request.url.hostname)) {
      throw refusal(`the secret "${name}" is bound to ${secret.hosts.join(", ")}, not to ${request.url.hostname}; it was not sent`);
    }
    values.set(name, secret.value);
  }
  const fill = (text: string, encode: (value: string) => string) => text.replace(PLACEHOLDER, (_match, name: string) => encode(values.get(name)!));
  // Longest first: a value that contains another is hidden whole.
  const hidden = [...values].flatMap(([name, value]) => [...new Set([value, encodeURIComponent(value)])].map((form) => [name, form] as const)).sort((a, b) => b[1].length - a[1].length);
  return {
    request: {
      ...request,
      url: new URL(fill(request.url.href, encodeURIComponent)),
      headers: Object.fromEntries(Object.entries(request.headers).map(([header, value]) => [header, fill(value, String)])),
      body: request.body === undefined ? undefined : fill(request.body, String),
    },
    hide: (text) => hidden.reduce((result, [name, form]) => result.split(form).join(`[secret ${name}]`), text),
  };
}

const refusal = (message: string) => new ActivityError(message, "SecretRefused", undefined, { nonRetryable: true });
