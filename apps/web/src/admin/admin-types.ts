/** The admin page's shapes, taken from the admin procedures so they cannot drift. */
import type { api } from "../lib/api.ts";

type Output<T extends (...args: never[]) => Promise<unknown>> = Awaited<ReturnType<T>>;

export type ApiToken = Output<typeof api.admin.tokens.list.query>[number];
export type AuditEntry = Output<typeof api.admin.audit.recent.query>[number];

/** Query keys of the admin page; every admin change makes all of them stale (the audit log grows too). */
export const adminKeys = {
  all: ["admin"] as const,
  accounts: ["admin", "accounts"] as const,
  tokens: ["admin", "tokens"] as const,
  audit: ["admin", "audit"] as const,
  secrets: ["admin", "secrets"] as const,
};

/** A list as typed in a form (groups, hosts): comma- or space-separated. */
export function parseList(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((group) => group.trim())
    .filter((group) => group !== "");
}
