/**
 * API tokens for other systems: created by an admin with the roles they carry, shown once, stored
 * as a digest, revoked at any time. Instance histories record a token's acts as "token:<name>".
 */
import { randomUUID } from "node:crypto";
import type { Database } from "@flowcraft/db";
import { invalid, notFound } from "@flowcraft/runtime";
import { isRole, type Role } from "@flowcraft/access";
import { rolesOf, type Principal } from "./roles.ts";
import { digestOf, newSecret } from "./secrets.ts";

/** Every token starts with this, so that secret scanners and people recognise one. */
export const TOKEN_PREFIX = "fc_";

export interface ApiTokenView {
  id: string;
  name: string;
  roles: Role[];
  createdBy: string;
  createdAt: string;
  lastUsedAt: string | null;
  revoked: boolean;
}

const TOKEN_NAME = /^[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}$/;

export class ApiTokens {
  constructor(private readonly db: Database) {}

  /** Creates a token; the secret in the answer is never shown again. */
  async create(input: { name: string; roles: string[] }, createdBy: string): Promise<{ token: ApiTokenView; secret: string }> {
    const name = input.name.trim();
    if (!TOKEN_NAME.test(name)) throw invalid("token name must be 1-64 letters, digits, spaces, . _ or -");
    const roles = rolesOf(input.roles);
    const secret = newSecret(TOKEN_PREFIX);
    const row = await this.db.prisma.apiToken.create({
      data: { id: randomUUID(), name, tokenHash: digestOf(secret), roles, createdBy },
    });
    return { token: toView(row), secret };
  }

  async list(): Promise<ApiTokenView[]> {
    return (await this.db.prisma.apiToken.findMany({ orderBy: { createdAt: "desc" } })).map(toView);
  }

  async revoke(id: string): Promise<ApiTokenView> {
    const found = await this.db.prisma.apiToken.findUnique({ where: { id } });
    if (!found) throw notFound(`there is no API token "${id.slice(0, 64)}"`);
    return toView(await this.db.prisma.apiToken.update({ where: { id }, data: { revokedAt: found.revokedAt ?? new Date() } }));
  }

  /** Who a presented token acts as, or null when it is unknown or revoked. */
  async principalOf(secret: string): Promise<Principal | null> {
    if (!secret.startsWith(TOKEN_PREFIX)) return null;
    // Every API call presents its token: "last used" is kept to the minute, so that a busy caller
    // costs one read per call rather than a row update.
    const rows = await this.db.prisma.$queryRaw<Array<{ name: string; roles: string[] }>>`
      WITH found AS (
        SELECT id, name, roles, last_used_at FROM api_token WHERE token_hash = ${digestOf(secret)} AND revoked_at IS NULL
      ), touched AS (
        UPDATE api_token t SET last_used_at = now() FROM found
        WHERE t.id = found.id AND (found.last_used_at IS NULL OR found.last_used_at < now() - interval '1 minute')
      )
      SELECT name, roles FROM found`;
    const row = rows[0];
    return row ? { kind: "token", name: `token:${row.name}`, roles: row.roles.filter(isRole), groups: [] } : null;
  }
}

function toView(row: { id: string; name: string; roles: string[]; createdBy: string; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null }): ApiTokenView {
  return {
    id: row.id,
    name: row.name,
    roles: row.roles.filter(isRole),
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revoked: row.revokedAt !== null,
  };
}
