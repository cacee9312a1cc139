"use client";

import { useState, useTransition } from "react";
import { reviewCaseAction } from "@/app/(app)/reviews/actions";
import { CASE_FINDINGS } from "@/lib/measures/case-findings";
import type { ActionResult } from "@/lib/http/action-result";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { FormOutcome, fieldErrorsOf } from "@/components/ui/form-outcome";

/**
 * An auditor's review of one case, folded under the case until opened: a finding (none preset: the auditor chooses),
 * a comment, and whether the case's clinician is sent it.
 */
export function CaseReviewForm({ measureId, encounterId, caseKey, clinician, label }: { measureId: string; encounterId: string; caseKey: string; clinician: string; label: string }) {
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult | null>(null);
  const errors = fieldErrorsOf(result);
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
          startTransition(async () => setResult(await reviewCaseAction(input)));
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
        <div>
          <label htmlFor={`comment-${id}`} className="block text-sm font-medium">
            Comment
          </label>
          <textarea
            id={`comment-${id}`}
            name="comment"
            rows={3}
            maxLength={2000}
            aria-invalid={errors.comment ? true : undefined}
            aria-describedby={errors.comment ? `comment-${id}-error` : undefined}
            className="mt-1 block w-full rounded-md border border-line bg-white px-3 py-2 text-sm aria-[invalid=true]:border-critical"
          />
          {errors.comment && (
            <p id={`comment-${id}-error`} className="mt-1 text-sm text-critical">
              {errors.comment}
            </p>
          )}
        </div>
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
