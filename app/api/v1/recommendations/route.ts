import { requireApiActor } from "@/lib/auth/session";
import { evaluateForActor } from "@/lib/recommendations/evaluate-data";
import { errorResponse } from "@/lib/http/route-response";
import { readJsonBody } from "@/lib/http/request-body";
import { isAppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  try {
    const actor = await requireApiActor();
    let body: unknown;
    try {
      body = await readJsonBody(request);
    } catch (error) {
      // Unreadable JSON is an invalid Assessment, in the contract's error shape; size and media type keep their own.
      if (isAppError(error) && error.code === "invalid-input") return Response.json({ error: "invalid-assessment", issues: error.issues }, { status: 400 });
      throw error;
    }
    const result = await evaluateForActor(actor, body);
    return result.ok ? Response.json(result.recommendation) : Response.json(result.error, { status: 400 });
  } catch (error) {
    return errorResponse(error);
  }
}
