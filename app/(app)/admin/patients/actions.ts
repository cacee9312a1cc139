"use server";

import { requireApiActor } from "@/lib/auth/session";
import { FILE_TOO_LARGE, importPatients, MAX_IMPORT_BYTES, type ImportReport } from "@/lib/patients/patient-import-data";
import { AppError } from "@/lib/errors";
import { actionFailure, type ActionResult } from "@/lib/http/action-result";

export type ImportState = { result: ActionResult | null; report: ImportReport | null };

export async function importPatientsAction(_previous: ImportState, form: FormData): Promise<ImportState> {
  try {
    const actor = await requireApiActor();
    const file = form.get("file");
    // A file too large is refused before it is read into memory as text.
    if (file instanceof File && file.size > MAX_IMPORT_BYTES) throw new AppError("invalid-input", "Some fields need attention.", [{ path: "csv", message: FILE_TOO_LARGE }]);
    const csv = file instanceof File && file.size > 0 ? await file.text() : undefined;
    const report = await importPatients(actor, { csv, dryRun: form.get("intent") !== "import" });
    return { result: { ok: true }, report };
  } catch (error) {
    return { result: actionFailure(error), report: null };
  }
}
