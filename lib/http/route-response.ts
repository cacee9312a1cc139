import "server-only";
import { randomUUID } from "node:crypto";
import { isAppError } from "@/lib/errors";

/** The JSON error every route handler answers with; unexpected failures are logged by id only, never with data. */
export function errorResponse(error: unknown): Response {
  if (isAppError(error)) {
    const body = { error: error.code, message: error.message, ...(error.issues.length ? { issues: error.issues } : {}) };
    return Response.json(body, { status: error.status });
  }
  const id = randomUUID();
  console.error(`[backstep] unexpected error ${id}: ${error instanceof Error ? error.name : typeof error}`);
  return Response.json({ error: "internal", message: `Something went wrong on our side (reference ${id}).` }, { status: 500 });
}
