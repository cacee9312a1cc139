import { discovery } from "@/lib/cds/cds-calls";
import { errorResponse } from "@/lib/http/route-response";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  try {
    return await discovery(request);
  } catch (error) {
    return errorResponse(error);
  }
}
