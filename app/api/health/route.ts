import { checkHealth } from "@/lib/health/health-check";
import { getActor } from "@/lib/auth/session";
import { can } from "@/lib/access/policy";

export const dynamic = "force-dynamic";

/** Up or not, for a load balancer or anyone; the details (database latency, migrations, uptime) for administrators. */
export async function GET() {
  const [health, actor] = await Promise.all([checkHealth(), getActor()]);
  const body = actor && can(actor.role, "read", "system-health") ? health : { status: health.status };
  return Response.json(body, { status: health.status === "ok" ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
