import { requireApiActor } from "@/lib/auth/session";
import { csvExport } from "@/lib/http/route-response";
import { exportAuditCsv } from "@/lib/audit/audit-data";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return csvExport(async () => exportAuditCsv(await requireApiActor(), Object.fromEntries(new URL(request.url).searchParams)));
}
