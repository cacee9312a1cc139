"use client";

import { reviewCaseAction } from "@/app/(app)/reviews/actions";
import { CASE_FINDINGS } from "@/lib/measures/case-findings";
import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField } from "@/components/ui/field";
import { FormOutcome } from "@/components/ui/form-outcome";
import { useActionResult } from "@/components/ui/use-action-result";

/**
 * An auditor's review of one case, folded under the case until opened: a finding (none preset: the auditor chooses),
 * a comment, and whether the case's clinician is sent it.
 */
export function CaseReviewForm({ measureId, encounterId, caseKey, clinician, label }: { measureId: string; encounterId: string; caseKey: string; clinician: string; label: string }) {
  const { pending, result, run, errors } = useActionResult();
  const id = `${encounterId}-${caseKey || "case"}`;
  return (
    <details className="no-print mt-1">
      <summary className="cursor-pointer text-brand underline">Review this case</summary>
      <form
        aria-label={`Review of ${label}`}
        className="mt-2 grid gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          const input = { measureId, encounterId, caseKey, finding: String(form.get("finding")), comment: String(form.get("comment") ?? ""), sendToClinician: form.get("sendToClinician") === "on" };
          run(() => reviewCaseAction(input));
        }}
      >
        <SelectField
          label="Finding"
          name="finding"
          id={`finding-${id}`}
          defaultValue=""
          options={[{ value: "", label: "Choose…" }, ...Object.entries(CASE_FINDINGS).map(([value, text]) => ({ value, label: text }))]}
          error={errors.finding}
        />
        <TextAreaField label="Comment" name="comment" id={`comment-${id}`} rows={3} maxLength={2000} error={errors.comment} />
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="sendToClinician" /> Send to {clinician}
        </label>
        <div className="flex items-center gap-3">
          <Button type="submit" variant="secondary" disabled={pending}>
            Save review
          </Button>
          <FormOutcome result={result} saved="Review saved." />
        </div>
      </form>
    </details>
  );
}
