/**
 * @flowcraft/db: connections (pg pool + Prisma client), SQL migrations, and the embedded PGlite
 * database used when no DATABASE_URL is configured.
 */
export { connect, queryPrepared } from "./client.ts";
export type { Database, DatabaseOptions, PrismaClient } from "./client.ts";
export { migrate, migrationDrift, readMigrations } from "./migrate.ts";
export { maintenanceWarnings } from "./maintenance.ts";
export { databaseUnavailable, sqlStateOf } from "./database-errors.ts";
export type { Migration, MigrationDrift } from "./migrate.ts";
export { startEmbeddedPostgres } from "./embedded.ts";
export type { EmbeddedPostgres } from "./embedded.ts";
export type { Prisma, Schedule } from "./generated/prisma/client.ts";
