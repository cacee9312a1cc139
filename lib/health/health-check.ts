import "server-only";
import { db } from "@/lib/db/client";

export type Health = {
  status: "ok" | "degraded";
  app: { status: "ok"; uptimeSeconds: number };
  database: { status: "ok" | "unreachable"; latencyMs: number | null; migrations: number | null };
};

/** Whether the app can reach its database and how many migrations it has applied; no patient data. */
export async function checkHealth(): Promise<Health> {
  const started = performance.now();
  let database: Health["database"];
  try {
    const rows = await db().$queryRaw<{ count: bigint }[]>`SELECT count(*) AS count FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`;
    database = { status: "ok", latencyMs: Math.round(performance.now() - started), migrations: Number(rows[0]?.count ?? 0) };
  } catch {
    database = { status: "unreachable", latencyMs: null, migrations: null };
  }
  return {
    status: database.status === "ok" ? "ok" : "degraded",
    app: { status: "ok", uptimeSeconds: Math.round(process.uptime()) },
    database,
  };
}
