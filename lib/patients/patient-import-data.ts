import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/access/actor";
import { authorize } from "@/lib/audit/guard";
import { recordAudit } from "@/lib/audit/audit-log";
import { parseInput } from "@/lib/validation";
import { fromIsoDate } from "@/lib/dates";
import { checkPatientCsv, type CsvProblem } from "./patient-csv";

// Importing a practice's patient list: a dry run reports every row's problem before anything is written; the import
// writes every row in one transaction, or none. An MRN already in the organization is reported, never overwritten.

export const MAX_IMPORT_BYTES = 900_000;
export const FILE_TOO_LARGE = `the file is larger than ${Math.round(MAX_IMPORT_BYTES / 1000)} KB: split it`;

const importInput = z.strictObject({
  csv: z.string({ error: "choose a CSV file" }).max(MAX_IMPORT_BYTES, { error: FILE_TOO_LARGE }),
  dryRun: z.boolean(),
});

export type ImportReport = { dryRun: boolean; rows: number; problems: CsvProblem[]; created: number };

export async function importPatients(actor: Actor, input: unknown): Promise<ImportReport> {
  await authorize(db(), actor, "import", "patient", { action: "patient.import", entityType: "patient" });
  const { csv, dryRun } = parseInput(importInput, input);
  const { rows, problems, total } = checkPatientCsv(csv);
  const file = createHash("sha256").update(csv).digest("hex");
  return db().$transaction(
    async (tx) => {
      const existing = rows.length
        ? await tx.patient.findMany({ where: { organizationId: actor.organizationId, mrn: { in: rows.map((r) => r.mrn) } }, select: { mrn: true } })
        : [];
      const taken = new Set(existing.map((p) => p.mrn));
      for (const row of rows) if (taken.has(row.mrn)) problems.push({ line: row.line, column: "MRN", message: `MRN ${row.mrn} already belongs to a patient: it is not overwritten` });
      problems.sort((a, b) => a.line - b.line);
      const write = !dryRun && problems.length === 0;
      if (write) {
        await tx.patient.createMany({
          data: rows.map(({ line: _line, birthDate, ...row }) => ({ ...row, birthDate: fromIsoDate(birthDate), organizationId: actor.organizationId })),
        });
      }
      const report = { dryRun, rows: total, problems, created: write ? rows.length : 0 };
      await recordAudit(tx, {
        actor,
        action: "patient.import",
        outcome: write || dryRun ? "success" : "failure",
        entityType: "patient",
        detail: { dryRun, rows: report.rows, problems: problems.length, created: report.created, fileSha256: file },
      });
      return report;
    },
    { timeout: 60_000 },
  );
}
