/**
 * Signed-in browsers. The cookie carries a random secret and only its digest is stored, so a
 * leaked database signs nobody in. Each session has its own CSRF token, which the web app sends
 * back in a header with every change it asks for.
 */
import type { Database } from "@flowcraft/db";
import { principalOf, type AccountView } from "./accounts.ts";
import type { Principal } from "./roles.ts";
import { digestOf, newSecret } from "./secrets.ts";

export const SESSION_COOKIE = "flowcraft_session";
/** A session lasts a working week; signing in again starts a new one. */
export const SESSION_DAYS = 7;

export interface SessionGrant {
  /** Goes into the HttpOnly cookie; never stored. */
  secret: string;
  csrfToken: string;
  expiresAt: Date;
}

export interface ActiveSession {
  principal: Principal;
  csrfToken: string;
}

export class Sessions {
  constructor(private readonly db: Database) {}

  async begin(account: AccountView): Promise<SessionGrant> {
    const secret = newSecret();
    const grant = { secret, csrfToken: newSecret(), expiresAt: new Date(Date.now() + SESSION_DAYS * 86_400_000) };
    await this.db.prisma.accountSession.create({ data: { id: digestOf(secret), accountId: account.id, csrfToken: grant.csrfToken, expiresAt: grant.expiresAt } });
    return grant;
  }

  /** The session this cookie secret belongs to, if it is current and its account still enabled. */
  async find(secret: string): Promise<ActiveSession | null> {
    const row = await this.db.prisma.accountSession.findUnique({ where: { id: digestOf(secret) }, include: { account: true } });
    if (!row || row.expiresAt <= new Date() || row.account.disabledAt) return null;
    return { principal: principalOf(row.account), csrfToken: row.csrfToken };
  }

  async end(secret: string): Promise<void> {
    await this.db.prisma.accountSession.deleteMany({ where: { id: digestOf(secret) } });
  }

  /** Drops expired sessions; called now and then, so the table does not grow forever. */
  async sweep(): Promise<number> {
    return (await this.db.prisma.accountSession.deleteMany({ where: { expiresAt: { lte: new Date() } } })).count;
  }
}
