import { requireApiActor } from "@/lib/auth/session";
import { errorResponse } from "@/lib/http/route-response";
import { exportCaseReviewsCsv } from "@/lib/measures/case-reviews-data";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  try {
    const actor = await requireApiActor();
    const { filename, csv } = await exportCaseReviewsCsv(actor, Object.fromEntries(new URL(request.url).searchParams));
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
