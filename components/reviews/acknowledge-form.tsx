"use client";

import { useState, useTransition } from "react";
import { acknowledgeReviewAction } from "@/app/(app)/reviews/actions";
import type { ActionResult } from "@/lib/http/action-result";
import { Button } from "@/components/ui/button";
import { FormOutcome, fieldErrorsOf } from "@/components/ui/form-outcome";

/** The clinician acknowledges a review of their case, with a reply for the auditor if they wish. */
export function AcknowledgeForm({ reviewId, label }: { reviewId: string; label: string }) {
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult | null>(null);
  const errors = fieldErrorsOf(result);
  return (
    <form
      aria-label={`Acknowledge ${label}`}
      className="mt-3 grid gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        const reply = String(new FormData(event.currentTarget).get("reply") ?? "");
        startTransition(async () => setResult(await acknowledgeReviewAction({ reviewId, reply })));
      }}
    >
      <label htmlFor={`reply-${reviewId}`} className="block text-sm font-medium">
        Reply to the auditor (optional)
      </label>
      <textarea
        id={`reply-${reviewId}`}
        name="reply"
        rows={2}
        maxLength={2000}
        aria-invalid={errors.reply ? true : undefined}
        className="block w-full rounded-md border border-line bg-white px-3 py-2 text-sm aria-[invalid=true]:border-critical"
      />
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          Acknowledge
        </Button>
        <FormOutcome result={result} saved="Acknowledged." />
      </div>
    </form>
  );
}
