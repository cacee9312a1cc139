export const dynamic = "force-dynamic";

/** Liveness: the process answers. It does not touch the database, so an outage there does not get the process restarted. */
export function GET() {
  return Response.json({ live: true }, { headers: { "Cache-Control": "no-store" } });
}
