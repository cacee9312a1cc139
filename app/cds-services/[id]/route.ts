import { callService } from "@/lib/cds/cds-calls";
import { errorResponse } from "@/lib/http/route-response";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    return await callService(request, (await params).id);
  } catch (error) {
    return errorResponse(error);
  }
}
