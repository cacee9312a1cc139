import { describe, expect, it } from "vitest";
import { checkHealth } from "../lib/health/health-check";
import { readMigrations } from "../lib/db/migrator";

describe("checkHealth", () => {
  it("reports the app and a reachable, migrated database", async () => {
    const health = await checkHealth();
    expect(health).toMatchObject({ status: "ok", app: { status: "ok" }, database: { status: "ok", migrations: readMigrations("prisma/migrations").length } });
    expect(health.database.latencyMs).toBeGreaterThanOrEqual(0);
  });
});
