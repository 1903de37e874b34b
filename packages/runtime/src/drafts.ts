/**
 * Workflow drafts: what the designer edits. A draft is saved freely and may be an invalid
 * definition; publishing it creates the next immutable version. The runtime never reads drafts.
 */
import { MAX_DEFINITION_BYTES } from "@flowcraft/definition";
import type { Database, Prisma } from "@flowcraft/db";
import { unstorableIn, type Json } from "@flowcraft/engine";
import { conflict, invalid, notFound } from "./errors.ts";
import { checkWorkflowName, workflowNotFound, WORKFLOW_NAME_PATTERN, Workflows, type WorkflowVersionView } from "./workflows.ts";

/** A draft's definition: any JSON object, whether or not it is a valid definition. */
export type DraftDefinition = { [key: string]: Json };

/** A workflow as the designer opens it: its draft, or else its latest version. */
export interface DraftView {
  name: string;
  definition: DraftDefinition;
  /** 0 while nothing is stored (a copy of the latest version); pass it back to `save`. */
  revision: number;
  /** The published version the draft started from; null for a workflow never published. */
  basedOnVersion: number | null;
  /** When the draft was last saved; null while nothing is stored. */
  updatedAt: string | null;
}

/** What a save answers: the draft's new revision, without echoing the definition back. */
export type SavedDraft = Omit<DraftView, "definition">;

/** One entry of the designer's workflow list: a draft, a published workflow, or both. */
export interface DraftSummary {
  name: string;
  hasDraft: boolean;
  /** 0 if never published. */
  latestVersion: number;
  draftUpdatedAt: string | null;
  /** The latest of the draft's last save and the latest version's publication. */
  updatedAt: string;
}

export interface DraftPublishOptions {
  /**
   * The draft revision the published definition was edited from (0: no stored draft). When
   * given, publishing is refused if the stored draft moved on since, so that nobody's saved
   * changes are dropped unseen.
   */
  revision?: number;
  publishedBy?: string | null;
}

/** What a new draft holds unless told otherwise: an empty graph to start from. */
export function emptyDraftDefinition(): DraftDefinition {
  return { version: 1, start: "", nodes: {} };
}

type DraftRow = { name: string; definition: unknown; revision: number; basedOnVersion: number | null; updatedAt: Date };

export class Drafts {
  private readonly workflows: Workflows;

  constructor(private readonly db: Database) {
    this.workflows = new Workflows(db);
  }

  /** Every workflow the designer shows, drafts and published ones, sorted by name. */
  async list(): Promise<DraftSummary[]> {
    const [drafts, published] = await Promise.all([
      this.db.prisma.workflowDraft.findMany({ select: { name: true, updatedAt: true } }),
      this.workflows.list(),
    ]);
    const byName = new Map<string, DraftSummary>();
    for (const workflow of published) {
      byName.set(workflow.name, { name: workflow.name, hasDraft: false, latestVersion: workflow.latestVersion, draftUpdatedAt: null, updatedAt: workflow.updatedAt });
    }
    for (const draft of drafts) {
      const savedAt = draft.updatedAt.toISOString();
      const workflow = byName.get(draft.name);
      byName.set(draft.name, {
        name: draft.name,
        hasDraft: true,
        latestVersion: workflow?.latestVersion ?? 0,
        draftUpdatedAt: savedAt,
        // ISO timestamps of the same format compare as strings.
        updatedAt: workflow && workflow.updatedAt > savedAt ? workflow.updatedAt : savedAt,
      });
    }
    // Code-unit order, not the database's collation: the same on every server.
    return [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /** The stored draft, else a draft made from the latest version (not stored until saved). */
  async get(name: string): Promise<DraftView> {
    if (!WORKFLOW_NAME_PATTERN.test(name)) throw workflowNotFound(name.slice(0, 200));
    const draft = await this.db.prisma.workflowDraft.findUnique({ where: { name } });
    if (draft) return toView(draft);
    return fromVersion(await this.workflows.get(name));
  }

  /** Stores a new draft; a name taken by a draft or a published workflow is a conflict. */
  async create(name: string, definition: unknown = emptyDraftDefinition()): Promise<DraftView> {
    checkWorkflowName(name);
    checkDraftDefinition(definition);
    await this.checkNotPublished(name);
    const [row] = await this.db.prisma.workflowDraft.createManyAndReturn({
      data: [{ name, definition: definition as Prisma.InputJsonObject, revision: 1, basedOnVersion: null }],
      skipDuplicates: true,
    });
    if (!row) throw conflict(`a draft named "${name}" already exists`);
    return toView(row);
  }

  /**
   * Stores the definition as the draft's next revision, creating the draft when
   * `expectedRevision` is 0. A stored revision other than `expectedRevision` means someone else
   * saved meanwhile: a conflict, and nothing is stored.
   */
  async save(name: string, definition: unknown, expectedRevision: number): Promise<SavedDraft> {
    checkWorkflowName(name);
    checkDraftDefinition(definition);
    if (!Number.isSafeInteger(expectedRevision) || expectedRevision < 0) {
      throw invalid(`the expected revision must be a whole number from 0; got ${String(expectedRevision).slice(0, 50)}`);
    }
    const data = definition as Prisma.InputJsonObject;
    const select = { name: true, revision: true, basedOnVersion: true, updatedAt: true } as const;
    let row: Omit<DraftRow, "definition"> | undefined;
    if (expectedRevision === 0) {
      // A first save starts from the version the designer showed: the latest one.
      const latest = await this.db.prisma.workflowVersion.findFirst({ where: { workflowName: name, test: false }, orderBy: { version: "desc" }, select: { version: true } });
      [row] = await this.db.prisma.workflowDraft.createManyAndReturn({
        data: [{ name, definition: data, revision: 1, basedOnVersion: latest?.version ?? null }],
        skipDuplicates: true,
        select,
      });
    } else {
      [row] = await this.db.prisma.workflowDraft.updateManyAndReturn({
        where: { name, revision: expectedRevision },
        data: { definition: data, revision: { increment: 1 }, updatedAt: new Date() },
        select,
      });
    }
    if (!row) throw await this.revisionConflict(name, expectedRevision);
    return { name: row.name, revision: row.revision, basedOnVersion: row.basedOnVersion, updatedAt: row.updatedAt.toISOString() };
  }

  /** Renames a draft. Only a workflow never published may change its name. */
  async rename(name: string, newName: string): Promise<DraftView> {
    checkWorkflowName(newName);
    if (await this.isPublished(name)) {
      throw conflict(
        `"${name}" has published versions and instances refer to it by name, so it cannot be renamed; duplicate it under the new name instead`,
      );
    }
    if (newName === name) return this.get(name);
    await this.checkNotPublished(newName);
    let rows: DraftRow[];
    try {
      rows = await this.db.prisma.workflowDraft.updateManyAndReturn({ where: { name }, data: { name: newName, updatedAt: new Date() } });
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict(`a draft named "${newName}" already exists`);
      throw error;
    }
    const [row] = rows;
    if (!row) throw workflowNotFound(name.slice(0, 200));
    return toView(row);
  }

  /** A new draft holding a copy of the draft, or else of the latest version, of `name`. */
  async duplicate(name: string, newName: string): Promise<DraftView> {
    const source = await this.get(name);
    return this.create(newName, source.definition);
  }

  /** Deletes the draft; published versions stay. */
  async remove(name: string): Promise<void> {
    const { count } = await this.db.prisma.workflowDraft.deleteMany({ where: { name } });
    if (count === 0) throw notFound(`there is no draft of "${name.slice(0, 200)}"`);
  }

  /**
   * Publishes a definition (as `Workflows.publish`) and deletes the workflow's draft in the same
   * transaction: the published version is now what the designer opens. See `revision`.
   */
  async publish(name: string, definition: unknown, options: DraftPublishOptions = {}): Promise<{ created: boolean; version: WorkflowVersionView }> {
    const { revision } = options;
    return this.workflows.publish(name, definition, options.publishedBy ?? null, async (tx) => {
      if (revision === undefined) {
        await tx.workflowDraft.deleteMany({ where: { name } });
      } else if (revision === 0) {
        if ((await tx.workflowDraft.count({ where: { name } })) > 0) throw await this.revisionConflict(name, revision, tx);
      } else {
        const { count } = await tx.workflowDraft.deleteMany({ where: { name, revision } });
        if (count === 0) throw await this.revisionConflict(name, revision, tx);
      }
    });
  }

  private async revisionConflict(name: string, expected: number, prisma: Prisma.TransactionClient = this.db.prisma) {
    const current = await prisma.workflowDraft.findUnique({ where: { name }, select: { revision: true } });
    if (!current) return conflict(`the draft of "${name}" is gone: it was published or deleted after revision ${expected}; reload it`);
    return conflict(`the draft of "${name}" is at revision ${current.revision}, not ${expected}: someone else saved it meanwhile; reload it`);
  }

  private async isPublished(name: string): Promise<boolean> {
    // Test runs store versions too, yet publish nothing.
    return (await this.db.prisma.workflowVersion.findFirst({ where: { workflowName: name, test: false }, select: { version: true } })) !== null;
  }

  private async checkNotPublished(name: string) {
    if (await this.isPublished(name)) throw conflict(`a published workflow is named "${name}"`);
  }
}

/** A draft must be a JSON object the database can store, within the definition size limit. */
function checkDraftDefinition(definition: unknown): asserts definition is DraftDefinition {
  if (typeof definition !== "object" || definition === null || Array.isArray(definition)) {
    throw invalid("a draft's definition must be a JSON object");
  }
  let text: string;
  try {
    text = JSON.stringify(definition);
  } catch (error) {
    throw invalid(`the definition is not JSON: ${(error as Error).message}`);
  }
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > MAX_DEFINITION_BYTES) {
    throw invalid(`the definition is ${bytes} bytes; the limit is ${MAX_DEFINITION_BYTES} bytes`);
  }
  const unstorable = unstorableIn(text);
  if (unstorable) throw invalid(`the definition holds ${unstorable}`);
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown }).code === "P2002";
}

function toView(row: DraftRow): DraftView {
  return {
    name: row.name,
    definition: row.definition as DraftDefinition,
    revision: row.revision,
    basedOnVersion: row.basedOnVersion,
    updatedAt: row.updatedAt.toISOString(),
  };
}

function fromVersion(version: WorkflowVersionView): DraftView {
  return { name: version.name, definition: version.definition as unknown as DraftDefinition, revision: 0, basedOnVersion: version.version, updatedAt: null };
}
