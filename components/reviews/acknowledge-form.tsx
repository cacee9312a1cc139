"use client";

import { acknowledgeReviewAction } from "@/app/(app)/reviews/actions";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { FormOutcome } from "@/components/ui/form-outcome";
import { useActionResult } from "@/components/ui/use-action-result";

/** The clinician acknowledges a review of their case, with a reply for the auditor if they wish. */
export function AcknowledgeForm({ reviewId, label }: { reviewId: string; label: string }) {
  const { pending, result, run, errors } = useActionResult();
  return (
    <form
      aria-label={`Acknowledge ${label}`}
      className="mt-3 grid gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        const reply = String(new FormData(event.currentTarget).get("reply") ?? "");
        run(() => acknowledgeReviewAction({ reviewId, reply }));
      }}
    >
      <TextAreaField label="Reply to the auditor (optional)" name="reply" id={`reply-${reviewId}`} rows={2} maxLength={2000} error={errors.reply} />
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          Acknowledge
        </Button>
        <FormOutcome result={result} saved="Acknowledged." />
      </div>
    </form>
  );
}
