import { describe, expect, it } from "vitest";
import { checkHealth } from "../lib/health/health-check";
import { readMigrations } from "../lib/db/migrator";
import { serverState } from "../lib/db/availability";
import { testDb } from "./support/fixtures";

describe("checkHealth", () => {
  it("reports the app and a reachable, migrated database: live and ready", async () => {
    const health = await checkHealth();
    const expected = readMigrations("prisma/migrations").length;
    expect(health).toMatchObject({ status: "ok", live: true, ready: true, app: { status: "ok" }, database: { status: "ok", migrations: expected, migrationsExpected: expected } });
    expect(health.database.latencyMs).toBeGreaterThanOrEqual(0);
    expect(health.audit?.awaitingSeal).toBeGreaterThanOrEqual(0);
  });

  it("is not ready while a migration the code needs is missing", async () => {
    const [newest] = readMigrations("prisma/migrations").slice(-1);
    await testDb().$executeRaw`UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = ${newest!.name}`;
    try {
      expect(await checkHealth()).toMatchObject({ status: "degraded", live: true, ready: false, database: { status: "not-migrated" } });
    } finally {
      await testDb().$executeRaw`UPDATE "_prisma_migrations" SET rolled_back_at = NULL WHERE migration_name = ${newest!.name}`;
    }
    expect((await checkHealth()).ready).toBe(true);
  });

  it("is not ready while the process is stopping, though still live", async () => {
    serverState().draining = true;
    try {
      expect(await checkHealth()).toMatchObject({ status: "draining", live: true, ready: false, database: { status: "ok" } });
    } finally {
      serverState().draining = false;
    }
  });
});
