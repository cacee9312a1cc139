import { describe, expect, it } from "vitest";
import { checkHealth } from "../lib/health/health-check";
import { readMigrations } from "../lib/db/migrator";

describe("checkHealth", () => {
  it("reports the app and a reachable, migrated database", async () => {
    const health = await checkHealth();
    const expected = readMigrations("prisma/migrations").length;
    expect(health).toMatchObject({ status: "ok", live: true, ready: true, app: { status: "ok" }, database: { status: "ok", migrations: expected, migrationsExpected: expected } });
    expect(health.audit?.awaitingSeal).toBeGreaterThanOrEqual(0);
    expect(health.database.latencyMs).toBeGreaterThanOrEqual(0);
  });
});
