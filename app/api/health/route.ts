import { checkHealth } from "@/lib/health/health-check";
import { getActor } from "@/lib/auth/session";
import { can } from "@/lib/access/policy";

export const dynamic = "force-dynamic";

/**
 * Readiness for a load balancer or anyone: 200 when this process should get requests, 503 (with why) when its
 * database is unreachable or not migrated, or it is stopping. Administrators also see the details (database latency,
 * migrations, audit sealing backlog, uptime). Liveness alone is /api/health/live.
 */
export async function GET() {
  const health = await checkHealth();
  // The session is read only when the database answered: without it there is no one to show details to.
  const actor = health.database.status === "unreachable" ? null : await getActor().catch(() => null);
  const body = actor && can(actor.role, "read", "system-health") ? health : { status: health.status, live: health.live, ready: health.ready };
  return Response.json(body, { status: health.ready ? 200 : 503, headers: { "Cache-Control": "no-store", ...(health.ready ? {} : { "Retry-After": "5" }) } });
}
