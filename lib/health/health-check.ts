import "server-only";
import { join } from "node:path";
import { db } from "@/lib/db/client";
import { readMigrations } from "@/lib/db/migrator";
import { serverState } from "@/lib/db/availability";

export type Health = {
  /** ok: serving; degraded: the database is unreachable or not migrated; draining: stopping, finishing requests in flight. */
  status: "ok" | "degraded" | "draining";
  /** The process answers (liveness): restarting it will not help when only the database is away. */
  live: true;
  /** Send it requests (readiness): the database is reachable and fully migrated, and the process is not stopping. */
  ready: boolean;
  app: { status: "ok"; uptimeSeconds: number };
  database: { status: "ok" | "unreachable" | "not-migrated"; latencyMs: number | null; migrations: number | null; migrationsExpected: number };
  audit: { awaitingSeal: number; oldestAwaitingSeconds: number | null } | null;
};

const expectedMigrations = readMigrations(join(process.cwd(), "prisma", "migrations")).map((migration) => migration.name);

/** Whether this process should be sent requests, and why not; no patient data. */
export async function checkHealth(): Promise<Health> {
  const started = performance.now();
  let database: Health["database"];
  let audit: Health["audit"] = null;
  try {
    const applied = await db().$queryRaw<{ migration_name: string }[]>`SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    const latencyMs = Math.round(performance.now() - started);
    const names = new Set(applied.map((row) => row.migration_name));
    const migrated = expectedMigrations.every((name) => names.has(name));
    database = { status: migrated ? "ok" : "not-migrated", latencyMs, migrations: names.size, migrationsExpected: expectedMigrations.length };
    // Sealing runs within a second or two of each write: a growing backlog means it is failing.
    const [pending] = await db().$queryRaw<{ count: bigint; oldest: Date | null }[]>`SELECT count(*) AS count, min(e.at) AS oldest FROM audit_pending p JOIN audit_event e ON e.id = p.event_id`;
    audit = { awaitingSeal: Number(pending?.count ?? 0), oldestAwaitingSeconds: pending?.oldest ? Math.round((Date.now() - pending.oldest.getTime()) / 1000) : null };
  } catch {
    database = { status: "unreachable", latencyMs: null, migrations: null, migrationsExpected: expectedMigrations.length };
  }
  const draining = serverState().draining;
  const ready = database.status === "ok" && !draining;
  return {
    status: draining ? "draining" : ready ? "ok" : "degraded",
    live: true,
    ready,
    app: { status: "ok", uptimeSeconds: Math.round(process.uptime()) },
    database,
    audit,
  };
}
