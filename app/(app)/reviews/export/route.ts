import { requireApiActor } from "@/lib/auth/session";
import { csvExport } from "@/lib/http/route-response";
import { exportCaseReviewsCsv } from "@/lib/measures/case-reviews-data";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return csvExport(async () => exportCaseReviewsCsv(await requireApiActor(), Object.fromEntries(new URL(request.url).searchParams)));
}
