import { requireApiActor } from "@/lib/auth/session";
import { csvExport } from "@/lib/http/route-response";
import { exportMeasureCsv } from "@/lib/measures/measures-data";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return csvExport(async () => exportMeasureCsv(await requireApiActor(), { ...Object.fromEntries(new URL(request.url).searchParams), id: (await params).id }));
}
