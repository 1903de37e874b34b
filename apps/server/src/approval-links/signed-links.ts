/**
 * Signed approval links: each names one instance, the generation it was in, one waiting approval,
 * one decision and one person, and expires when the wait times out (or after a week, when it
 * never does). The HMAC makes them impossible to forge or alter; deciding is single use because a
 * wait takes exactly one decision, and the generation keeps a link to a monitor's approval from
 * deciding the wait of the same id in the monitor's next run.
 */
import { createHmac, randomBytes } from "node:crypto";
import type { Database } from "@flowcraft/db";
import type { ApprovalDecision } from "@flowcraft/runtime";
import { sameSecret } from "../accounts/secrets.ts";

export interface ApprovalLink {
  instanceId: string;
  /** The instance's generation when the link was made: the wait `waitId` of that run. */
  generation: number;
  waitId: string;
  decision: ApprovalDecision;
  /** The username the link decides as. */
  approver: string;
  expiresAt: string;
}

/** Links to approvals without a timeout stay valid this long. */
export const LINK_LIFETIME_DAYS = 7;
const KEY_PURPOSE = "approval-links";

/** Why a link is refused before anything is looked up: altered, expired, or signed before links named a generation. */
export type LinkCheck =
  | { ok: true; link: ApprovalLink }
  | { ok: false; reason: "tampered" | "outdated" }
  | { ok: false; reason: "expired"; link: ApprovalLink };

export class ApprovalLinkSigner {
  private key: Promise<string> | undefined;

  constructor(private readonly db: Database) {}

  async sign(link: ApprovalLink): Promise<string> {
    const payload = Buffer.from(JSON.stringify([link.instanceId, link.waitId, link.decision, link.approver, link.expiresAt, link.generation])).toString("base64url");
    return `${payload}.${await this.mac(payload)}`;
  }

  async check(token: string, now = new Date()): Promise<LinkCheck> {
    const [payload, mac, extra] = token.split(".");
    if (!payload || !mac || extra !== undefined || !sameSecret(mac, await this.mac(payload))) return { ok: false, reason: "tampered" };
    const [instanceId, waitId, decision, approver, expiresAt, generation] = JSON.parse(Buffer.from(payload, "base64url").toString()) as [string, string, string, string, string, unknown];
    // Signed by this server before links named a generation: it could decide any run's wait.
    if (typeof generation !== "number") return { ok: false, reason: "outdated" };
    const link = { instanceId, generation, waitId, decision: decision as ApprovalDecision, approver, expiresAt };
    return new Date(link.expiresAt) <= now ? { ok: false, reason: "expired", link } : { ok: true, link };
  }

  private async mac(payload: string): Promise<string> {
    return createHmac("sha256", await this.secret()).update(payload).digest("base64url");
  }

  /** The signing key, made once per database; concurrent first uses agree on whichever was stored. */
  private secret(): Promise<string> {
    this.key ??= (async () => {
      await this.db.prisma.$executeRaw`INSERT INTO signing_key (purpose, secret) VALUES (${KEY_PURPOSE}, ${randomBytes(32).toString("base64url")}) ON CONFLICT (purpose) DO NOTHING`;
      const row = await this.db.prisma.signingKey.findUniqueOrThrow({ where: { purpose: KEY_PURPOSE } });
      return row.secret;
    })();
    return this.key;
  }
}
