/** Published definitions by name and version. Versions are immutable, so they are cached for good. */
import type { Definition } from "@flowcraft/definition";
import type pg from "pg";

export class DefinitionCache {
  private readonly cache = new Map<string, Definition>();

  constructor(private readonly pool: pg.Pool) {}

  async get(name: string, version: number): Promise<Definition> {
    const key = `${name}@${version}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const { rows } = await this.pool.query("SELECT definition FROM workflow_version WHERE workflow_name = $1 AND version = $2", [name, version]);
    if (!rows[0]) throw new Error(`workflow ${name} version ${version} does not exist`);
    const definition = rows[0].definition as Definition;
    this.cache.set(key, definition);
    return definition;
  }
}
