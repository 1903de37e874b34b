/** Publishing and reading workflow definitions. Versions are immutable; publishing adds one. */
import { validateDefinition, type Definition } from "@flowcraft/definition";
import type { Database, Prisma } from "@flowcraft/db";
import { hashOf } from "./canonical-json.ts";
import { invalid, notFound } from "./errors.ts";

/** Workflow names appear in URLs: keep them to URL-safe words. */
export const WORKFLOW_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

export interface WorkflowVersionView {
  name: string;
  version: number;
  definition: Definition;
  hash: string;
  publishedBy: string | null;
  createdAt: string;
}

export interface WorkflowSummary {
  name: string;
  latestVersion: number;
  versions: number;
  createdAt: string;
  updatedAt: string;
}

/** The error for a workflow, or a version of it, that does not exist. */
export function workflowNotFound(name: string, version?: number) {
  return notFound(version !== undefined ? `workflow "${name}" has no version ${version}` : `there is no workflow "${name}"`);
}

export function checkWorkflowName(name: string) {
  if (!WORKFLOW_NAME_PATTERN.test(name)) {
    throw invalid(`workflow name "${name.slice(0, 200)}" must be 1-128 letters, digits, . _ or -, starting with a letter or digit`);
  }
}

export class Workflows {
  constructor(private readonly db: Database) {}

  /** Activity names some worker has registered, built-ins included. */
  async knownActivities(): Promise<string[]> {
    const rows = await this.db.prisma.activityRegistration.findMany({ select: { name: true } });
    return rows.map((row) => row.name);
  }

  /** Every published version, by workflow: what sub-workflow steps may name. */
  async publishedVersions(): Promise<Map<string, Set<number>>> {
    const rows = await this.db.prisma.workflowVersion.findMany({ where: { test: false }, select: { workflowName: true, version: true } });
    const versions = new Map<string, Set<number>>();
    for (const row of rows) versions.set(row.workflowName, (versions.get(row.workflowName) ?? new Set()).add(row.version));
    return versions;
  }

  /**
   * Validates and stores a definition as the workflow's next version. An identical definition to
   * the latest version is not stored again: that version is returned with `created: false`.
   * `alongside` runs in the publishing transaction once the version is known; if it throws,
   * nothing is published.
   */
  async publish(
    name: string,
    raw: unknown,
    publishedBy: string | null = null,
    alongside?: (tx: Prisma.TransactionClient) => Promise<void>,
  ): Promise<{ created: boolean; version: WorkflowVersionView }> {
    const definition = await this.validated(name, raw);
    const hash = hashOf(definition);
    return this.db.prisma.$transaction(async (tx) => {
      await lockWorkflow(tx, name);
      const latest = await tx.workflowVersion.findFirst({ where: { workflowName: name, test: false }, orderBy: { version: "desc" } });
      if (latest && latest.hash === hash) {
        await alongside?.(tx);
        return { created: false, version: toView(latest) };
      }
      const created = await tx.workflowVersion.create({
        data: { workflowName: name, version: (latest?.version ?? 0) + 1, definition: definition as object, hash, publishedBy },
      });
      await alongside?.(tx);
      return { created: true, version: toView(created) };
    });
  }

  /**
   * What publishing the definition would do, storing nothing: its problems (thrown as by publish),
   * or the version it would become, with `created: false` when it equals the latest version.
   */
  async check(name: string, raw: unknown, publishedBy: string | null = null): Promise<{ created: boolean; version: WorkflowVersionView }> {
    const definition = await this.validated(name, raw);
    const hash = hashOf(definition);
    const latest = await this.db.prisma.workflowVersion.findFirst({ where: { workflowName: name, test: false }, orderBy: { version: "desc" } });
    if (latest && latest.hash === hash) return { created: false, version: toView(latest) };
    return { created: true, version: { name, version: (latest?.version ?? 0) + 1, definition, hash, publishedBy, createdAt: new Date().toISOString() } };
  }

  /**
   * Stores a definition to be test-run, validated exactly as publishing validates it, as a test
   * version: numbered down from -1, never the latest, never listed. A definition already stored
   * for a test run is not stored again. Returns its version number.
   */
  async storeTestVersion(name: string, raw: unknown): Promise<number> {
    const definition = await this.validated(name, raw);
    const hash = hashOf(definition);
    return this.db.prisma.$transaction(async (tx) => {
      await lockWorkflow(tx, name);
      const same = await tx.workflowVersion.findFirst({ where: { workflowName: name, test: true, hash }, select: { version: true } });
      if (same) return same.version;
      const lowest = await tx.workflowVersion.findFirst({ where: { workflowName: name, test: true }, orderBy: { version: "asc" }, select: { version: true } });
      const version = Math.min(lowest?.version ?? 0, 0) - 1;
      await tx.workflowVersion.create({ data: { workflowName: name, version, definition: definition as object, hash, test: true } });
      return version;
    });
  }

  /** The definition if it is one that could be published; else an error naming its problems. */
  private async validated(name: string, raw: unknown): Promise<Definition> {
    checkWorkflowName(name);
    const result = validateDefinition(raw, { activities: await this.knownActivities(), workflows: { versions: await this.publishedVersions(), self: name } });
    if (!result.ok) throw invalid(`the definition of "${name}" has ${result.problems.length} problem(s)`, result.problems);
    return result.definition;
  }

  async list(): Promise<WorkflowSummary[]> {
    const rows = await this.db.prisma.workflow.findMany({
      // A workflow only test-run so far is not published.
      where: { versions: { some: { test: false } } },
      orderBy: { name: "asc" },
      include: { versions: { where: { test: false }, select: { version: true, createdAt: true }, orderBy: { version: "desc" } } },
    });
    return rows.map((row) => ({
      name: row.name,
      latestVersion: row.versions[0]?.version ?? 0,
      versions: row.versions.length,
      createdAt: row.createdAt.toISOString(),
      updatedAt: (row.versions[0]?.createdAt ?? row.createdAt).toISOString(),
    }));
  }

  /** The latest version, or the given one. */
  async get(name: string, version?: number): Promise<WorkflowVersionView> {
    const row = await this.db.prisma.workflowVersion.findFirst({
      where: { workflowName: name, test: false, ...(version !== undefined ? { version } : {}) },
      orderBy: { version: "desc" },
    });
    if (!row) throw workflowNotFound(name, version);
    return toView(row);
  }

  async versions(name: string): Promise<Array<Omit<WorkflowVersionView, "definition">>> {
    const rows = await this.db.prisma.workflowVersion.findMany({
      where: { workflowName: name, test: false },
      orderBy: { version: "desc" },
      select: { workflowName: true, version: true, hash: true, publishedBy: true, createdAt: true },
    });
    if (rows.length === 0) throw workflowNotFound(name);
    return rows.map((row) => ({ name: row.workflowName, version: row.version, hash: row.hash, publishedBy: row.publishedBy, createdAt: row.createdAt.toISOString() }));
  }
}

/** Makes the workflow's row if need be and holds it, so that version numbers never collide. */
async function lockWorkflow(tx: Prisma.TransactionClient, name: string) {
  await tx.$executeRaw`INSERT INTO workflow (name) VALUES (${name}) ON CONFLICT (name) DO NOTHING`;
  await tx.$queryRaw`SELECT name FROM workflow WHERE name = ${name} FOR UPDATE`;
}

function toView(row: { workflowName: string; version: number; definition: unknown; hash: string; publishedBy: string | null; createdAt: Date }): WorkflowVersionView {
  return {
    name: row.workflowName,
    version: row.version,
    definition: row.definition as Definition,
    hash: row.hash,
    publishedBy: row.publishedBy,
    createdAt: row.createdAt.toISOString(),
  };
}
