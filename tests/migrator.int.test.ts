import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { migrate, readMigrations } from "../lib/db/migrator";
import { testDb } from "./support/fixtures";

const url = () => process.env.DATABASE_URL as string;
const migrationsDir = join(process.cwd(), "prisma", "migrations");

describe("migrate", () => {
  it("records every migration in Prisma's own table with its sha256 checksum", async () => {
    const rows = await testDb().$queryRaw<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }[]>`
      SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`;
    const files = readMigrations(migrationsDir);
    expect(rows.map((r) => r.migration_name)).toEqual(files.map((f) => f.name));
    for (const [i, file] of files.entries()) {
      const sql = readFileSync(join(migrationsDir, file.name, "migration.sql"));
      expect(rows[i]?.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(rows[i]?.finished_at).not.toBeNull();
    }
  });

  it("applies nothing the second time", async () => {
    expect(await migrate(url(), migrationsDir)).toEqual({ applied: [], alreadyApplied: readMigrations(migrationsDir).length });
  });

  it("refuses to run when an applied migration was edited", async () => {
    const copy = mkdtempSync(join(tmpdir(), "migrations-"));
    cpSync(migrationsDir, copy, { recursive: true });
    const [first] = readMigrations(copy);
    writeFileSync(join(copy, first!.name, "migration.sql"), `${first!.sql}\n-- edited\n`);
    await expect(migrate(url(), copy)).rejects.toThrow(`Migration ${first!.name} was changed after it was applied`);
  });

  it("rolls back a failing migration entirely and names it", async () => {
    const copy = mkdtempSync(join(tmpdir(), "migrations-"));
    cpSync(migrationsDir, copy, { recursive: true });
    const name = "29991231000000_broken";
    cpSync(join(copy, readMigrations(copy)[0]!.name), join(copy, name), { recursive: true });
    writeFileSync(join(copy, name, "migration.sql"), `CREATE TABLE "half_done" (id int);\nSELECT * FROM "no_such_table";\n`);
    await expect(migrate(url(), copy)).rejects.toThrow(`Migration ${name} failed`);
    const tables = await testDb().$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'half_done'`;
    expect(Number(tables[0]?.n)).toBe(0);
    const recorded = await testDb().$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "_prisma_migrations" WHERE migration_name = ${name}`;
    expect(Number(recorded[0]?.n)).toBe(0);
  });
});
