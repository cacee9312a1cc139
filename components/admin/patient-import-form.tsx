"use client";

import { startTransition, useActionState, type FormEvent } from "react";
import { importPatientsAction, type ImportState } from "@/app/(app)/admin/patients/actions";
import { Button } from "@/components/ui/button";
import { TableHead } from "@/components/ui/table-head";
import { TableRegion } from "@/components/ui/table-region";

const INITIAL: ImportState = { result: null, report: null };

/** Choose a file, check it (nothing is written), then import it: every row or none. */
export function PatientImportForm() {
  const [state, action, pending] = useActionState(importPatientsAction, INITIAL);
  const failure = state.result && !state.result.ok ? state.result : null;
  const report = state.report;
  // Submitted by hand rather than as a form action, which would clear the chosen file: checking and then importing
  // the same file is the usual sequence.
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => action(data));
  };
  return (
    <div className="space-y-4">
      <form onSubmit={submit} className="max-w-xl space-y-3" aria-label="Import patients">
        <div>
          <label htmlFor="file" className="block text-sm font-medium">
            Patient list (CSV)
          </label>
          <input
            id="file"
            name="file"
            type="file"
            accept=".csv,text/csv"
            aria-describedby={failure?.fieldErrors.csv ? "file-error file-hint" : "file-hint"}
            aria-invalid={failure?.fieldErrors.csv ? true : undefined}
            className="mt-1 block text-sm"
          />
          <p id="file-hint" className="mt-1 text-xs text-muted">
            A header line naming the columns MRN, family name, given name, birth date (YYYY-MM-DD) and sex (female, male, other, unknown, or F, M, O, U); up to 20,000 patients.
          </p>
          {failure?.fieldErrors.csv && (
            <p id="file-error" className="mt-1 text-sm text-critical">
              {failure.fieldErrors.csv}
            </p>
          )}
        </div>
        <div className="flex gap-2">
          <Button type="submit" name="intent" value="check" variant="secondary" disabled={pending}>
            Check the file
          </Button>
          <Button type="submit" name="intent" value="import" disabled={pending}>
            Import
          </Button>
        </div>
      </form>
      <div role="status" aria-live="polite" className="text-sm">
        {pending && "Working…"}
        {!pending && failure && !failure.fieldErrors.csv && <span className="text-critical">{failure.message}</span>}
        {!pending && report && report.problems.length === 0 && (report.dryRun ? `${report.rows} patients are ready to import. Nothing has been written yet.` : `Imported ${report.created} patients.`)}
        {!pending && report && report.problems.length > 0 && (
          <span className="text-critical">
            {report.problems.length} {report.problems.length === 1 ? "problem" : "problems"} in {report.rows} rows: nothing was imported. Correct the file and check it again.
          </span>
        )}
      </div>
      {report && report.problems.length > 0 && (
        <TableRegion label="Problems in the file">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Problems in the file</caption>
            <TableHead columns={["Line", "Column", "Problem"]} />
            <tbody>
              {report.problems.map((problem, index) => (
                <tr key={index} className="border-b border-line last:border-0">
                  <td className="px-4 py-2 font-mono">{problem.line}</td>
                  <td className="px-4 py-2">{problem.column ?? "—"}</td>
                  <td className="px-4 py-2">{problem.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </div>
  );
}
