// Prisma 7 CLI configuration: only `prisma generate` is used (the client needs no engine binary).
import { defineConfig } from "prisma/config";

export default defineConfig({ schema: "../../prisma/schema.prisma" });
