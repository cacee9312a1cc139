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

/** An export a signed-in actor downloads: the CSV a data function made for them, or the error it refused with. */
export async function csvExport(make: () => Promise<{ filename: string; csv: string }>): Promise<Response> {
  try {
    const { filename, csv } = await make();
    return new Response(csv, {
      headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${filename}"`, "Cache-Control": "no-store" },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
