import { defineConfig } from "prisma/config";

// Only the Prisma CLI reads this file. Without DATABASE_URL the CLI's offline commands
// (generate, validate, format) still run; the app migrates itself with lib/db/migrator.ts.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  ...(process.env.DATABASE_URL ? { datasource: { url: process.env.DATABASE_URL } } : {}),
});
