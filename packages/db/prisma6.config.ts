// Prisma 6.19 CLI configuration, used only by scripts/new-migration.sh to write migration SQL:
// its WASM schema engine runs offline, where Prisma 7's migrate needs a downloaded binary.
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma6/config";

const url = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export default defineConfig({
  schema: "../../prisma/schema.prisma",
  engine: "js",
  experimental: { adapter: true },
  adapter: async () => new PrismaPg({ connectionString: url, allowExitOnIdle: true }),
});
