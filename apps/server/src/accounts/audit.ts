/** The audit log: who changed accounts and tokens, who decided approvals and who purged instances, in order. */
import type { Database } from "@flowcraft/db";

export interface AuditRecord {
  actor: string;
  action: string;
  target?: string;
  details?: Record<string, unknown>;
}

export interface AuditEntryView extends AuditRecord {
  at: string;
}

export class AuditLog {
  constructor(private readonly db: Database) {}

  async record({ actor, action, target, details }: AuditRecord): Promise<void> {
    await this.db.prisma.auditEntry.create({ data: { actor, action, target: target ?? null, ...(details ? { details: details as object } : {}) } });
  }

  /** The newest entries first. */
  async recent(limit = 200): Promise<AuditEntryView[]> {
    const rows = await this.db.prisma.auditEntry.findMany({ orderBy: { id: "desc" }, take: Math.min(Math.max(limit, 1), 1_000) });
    return rows.map((row) => ({
      at: row.at.toISOString(),
      actor: row.actor,
      action: row.action,
      ...(row.target !== null ? { target: row.target } : {}),
      ...(row.details ? { details: row.details as Record<string, unknown> } : {}),
    }));
  }
}
