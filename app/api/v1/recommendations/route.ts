import { requireApiActor } from "@/lib/auth/session";
import { evaluateForActor } from "@/lib/recommendations/evaluate-data";
import { errorResponse } from "@/lib/http/route-response";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  try {
    const actor = await requireApiActor();
    let body: unknown;
    try {
      body = await request.json();
    } catch {
      return Response.json({ error: "invalid-assessment", issues: [{ path: "(body)", message: "the request body must be a JSON Assessment" }] }, { status: 400 });
    }
    const result = await evaluateForActor(actor, body);
    return result.ok ? Response.json(result.recommendation) : Response.json(result.error, { status: 400 });
  } catch (error) {
    return errorResponse(error);
  }
}
