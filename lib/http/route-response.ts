import "server-only";
import { randomUUID } from "node:crypto";
import { toAppError } from "@/lib/errors";
import { RETRY_AFTER_SECONDS } from "@/lib/db/availability";

/** The JSON error every route handler answers with; unexpected failures are logged by id only, never with data. */
export function errorResponse(error: unknown): Response {
  const known = toAppError(error);
  if (known) {
    const body = { error: known.code, message: known.message, ...(known.issues.length ? { issues: known.issues } : {}) };
    return Response.json(body, { status: known.status, headers: known.code === "unavailable" ? { "Retry-After": String(RETRY_AFTER_SECONDS) } : {} });
  }
  const id = randomUUID();
  console.error(`[backstep] unexpected error ${id}: ${error instanceof Error ? error.name : typeof error}`);
  return Response.json({ error: "internal", message: `Something went wrong on our side (reference ${id}).` }, { status: 500 });
}
