import type { ActionResult } from "@/lib/http/action-result";

/** What a form's last submission came to, read out to screen readers: the saved message, or what went wrong. */
export function FormOutcome({ result, saved }: { result: ActionResult | null; saved: string }) {
  return (
    <p role="status" aria-live="polite" className={`text-sm ${result && !result.ok ? "text-critical" : "text-muted"}`}>
      {result ? (result.ok ? saved : result.message) : ""}
    </p>
  );
}

/** The field errors of a failed submission, by field name. */
export const fieldErrorsOf = (result: ActionResult | null) => (result && !result.ok ? result.fieldErrors : {});
