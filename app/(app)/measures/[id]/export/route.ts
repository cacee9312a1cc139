import { requireApiActor } from "@/lib/auth/session";
import { errorResponse } from "@/lib/http/route-response";
import { exportMeasureCsv } from "@/lib/measures/measures-data";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const actor = await requireApiActor();
    const { id } = await params;
    const query = Object.fromEntries(new URL(request.url).searchParams);
    const { filename, csv } = await exportMeasureCsv(actor, { ...query, id });
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${filename}"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
