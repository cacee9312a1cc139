"use client";

import { useState, useTransition } from "react";
import { dischargeAction, recordVisitAction, updateReferralAction } from "@/app/(app)/referrals/actions";
import type { ActionResult } from "@/lib/http/action-result";
import type { ReferralStatus } from "@/lib/referrals/referral-dto";
import { DISCHARGE_OUTCOMES } from "@/lib/referrals/outcomes";
import { Button } from "@/components/ui/button";
import { TextField, SelectField } from "@/components/ui/field";

function useAction() {
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult | null>(null);
  const run = (work: () => Promise<ActionResult>, onSuccess?: () => void) =>
    startTransition(async () => {
      const outcome = await work();
      setResult(outcome);
      if (outcome.ok) onSuccess?.();
    });
  const errors = result && !result.ok ? result.fieldErrors : {};
  const message = result && !result.ok ? result.message : "";
  return { pending, run, errors, message, ok: result?.ok === true };
}

/** The clinic's controls for one referral, by status: accept or decline, schedule, record visits, discharge. */
export function ReferralWorkflow({ referralId, status, today, therapists }: { referralId: string; status: ReferralStatus; today: string; therapists: { id: string; name: string }[] }) {
  const triage = useAction();
  const assign = useAction();
  const [therapistId, setTherapistId] = useState(therapists[0]?.id ?? "");
  const open = status === "new" || status === "accepted" || status === "scheduled" || status === "in_progress";
  const visit = useAction();
  const discharge = useAction();
  const [reason, setReason] = useState("");
  const [savedVisit, setSavedVisit] = useState("");
  return (
    <div className="space-y-4">
      {(status === "new" || status === "accepted") && (
        <section aria-label="Triage" className="rounded-lg border border-line bg-white p-4">
          <h2 className="mb-2 font-semibold">Triage</h2>
          <div className="flex flex-wrap items-end gap-2">
            {status === "new" && (
              <Button disabled={triage.pending} onClick={() => triage.run(() => updateReferralAction({ referralId, action: "accept" }))}>
                Accept
              </Button>
            )}
            {status === "accepted" && (
              <Button disabled={triage.pending} onClick={() => triage.run(() => updateReferralAction({ referralId, action: "schedule" }))}>
                Mark scheduled
              </Button>
            )}
            <div className="min-w-64 flex-1">
              <TextField label="Reason to decline" name="declineReason" value={reason} onChange={(e) => setReason(e.target.value)} error={triage.errors.reason} />
            </div>
            <Button variant="danger" disabled={triage.pending} onClick={() => triage.run(() => updateReferralAction({ referralId, action: "decline", reason }))}>
              Decline
            </Button>
          </div>
          <FormMessage message={triage.message} className="mt-2" />
        </section>
      )}

      {open && therapists.length > 0 && (
        <section aria-label="Assign a therapist" className="flex flex-wrap items-end gap-2 rounded-lg border border-line bg-white p-4">
          <div className="min-w-64 flex-1">
            <SelectField label="Therapist" name="therapistId" value={therapistId} onChange={(e) => setTherapistId(e.target.value)} options={therapists.map((t) => ({ value: t.id, label: t.name }))} error={assign.errors.therapistId} />
          </div>
          <Button variant="secondary" disabled={assign.pending} onClick={() => assign.run(() => updateReferralAction({ referralId, action: "assign", therapistId }))}>
            Assign
          </Button>
          <FormMessage message={assign.message} className="w-full" />
        </section>
      )}

      {(status === "accepted" || status === "scheduled" || status === "in_progress") && (
        <form
          aria-label="Record a visit"
          className="space-y-3 rounded-lg border border-line bg-white p-4"
          onSubmit={(event) => {
            event.preventDefault();
            const element = event.currentTarget;
            const form = new FormData(element);
            const number = (name: string) => (form.get(name) === "" ? undefined : Number(form.get(name)));
            const date = String(form.get("date"));
            const attended = form.get("attended") === "yes";
            setSavedVisit("");
            const peg = ["peg0", "peg1", "peg2"].map(number);
            const odi = Array.from({ length: 10 }, (_, i) => number(`odi${i}`) ?? null);
            const save = () =>
              recordVisitAction({
                referralId,
                date,
                attended,
                notes: String(form.get("notes") ?? "") || undefined,
                adherencePercent: number("adherencePercent"),
                painScore: number("painScore"),
                outcomePhase: String(form.get("outcomePhase") ?? "") || undefined,
                ...(peg.every((p) => p !== undefined) ? { peg } : {}),
                ...(odi.some((section) => section !== null) ? { odi } : {}),
              });
            // Saved: say so, and clear the form so the next visit is not saved as a copy of this one.
            visit.run(save, () => {
              element.reset();
              setSavedVisit(`${attended ? "Visit" : "Missed visit"} of ${date} saved: it is in the visit history below.`);
            });
          }}
        >
          <h2 className="font-semibold">Record a visit</h2>
          <div className="grid gap-3 sm:grid-cols-4">
            <TextField label="Date" name="date" type="date" defaultValue={today} error={visit.errors.date} />
            <SelectField label="Attended" name="attended" options={[{ value: "yes", label: "Attended" }, { value: "no", label: "Missed" }]} />
            <TextField label="Home program adherence %" name="adherencePercent" type="number" min={0} max={100} error={visit.errors.adherencePercent} />
            <TextField label="Pain (0-10)" name="painScore" type="number" min={0} max={10} error={visit.errors.painScore} />
          </div>
          <div className="grid gap-3 sm:grid-cols-4">
            <SelectField label="Outcome measures" name="outcomePhase" options={[{ value: "", label: "none this visit" }, { value: "intake", label: "intake" }, { value: "mid_program", label: "mid-program" }, { value: "discharge", label: "discharge" }]} />
            <TextField label="PEG pain" name="peg0" type="number" min={0} max={10} />
            <TextField label="PEG enjoyment" name="peg1" type="number" min={0} max={10} />
            <TextField label="PEG activity" name="peg2" type="number" min={0} max={10} />
          </div>
          <details>
            <summary className="cursor-pointer text-sm text-brand">Oswestry sections (0-5; leave unanswered blank)</summary>
            <div className="mt-2 grid grid-cols-5 gap-2">
              {Array.from({ length: 10 }, (_, i) => (
                <TextField key={i} label={`Section ${i + 1}`} name={`odi${i}`} type="number" min={0} max={5} />
              ))}
            </div>
            {visit.errors.odi && <p className="text-sm text-critical">{visit.errors.odi}</p>}
          </details>
          <TextField label="What was done" name="notes" error={visit.errors.notes} />
          <FormMessage message={visit.message} />
          <p role="status" aria-live="polite" className="text-sm text-muted">
            {savedVisit}
          </p>
          <Button type="submit" disabled={visit.pending}>
            Save visit
          </Button>
        </form>
      )}

      {status === "in_progress" && (
        <form
          aria-label="Discharge"
          className="space-y-3 rounded-lg border border-line bg-white p-4"
          onSubmit={(event) => {
            event.preventDefault();
            const form = new FormData(event.currentTarget);
            const shortCourseReason = String(form.get("shortCourseReason") ?? "").trim();
            discharge.run(() => dischargeAction({ referralId, outcome: String(form.get("outcome")), recommendation: String(form.get("recommendation") ?? ""), ...(shortCourseReason ? { shortCourseReason } : {}) }));
          }}
        >
          <h2 className="font-semibold">Discharge to the referring doctor</h2>
          <SelectField label="Outcome" name="outcome" defaultValue="" options={[{ value: "", label: "choose the outcome" }, ...DISCHARGE_OUTCOMES.map((o) => ({ value: o, label: o.replace("-", " ") }))]} error={discharge.errors.outcome} />
          <TextField label="Recommendation for the referring doctor" name="recommendation" error={discharge.errors.recommendation} />
          <TextField label="If the course lasted under a week: why it ended" name="shortCourseReason" error={discharge.errors.shortCourseReason} />
          <FormMessage message={discharge.message} />
          <Button type="submit" disabled={discharge.pending}>
            Discharge
          </Button>
        </form>
      )}
    </div>
  );
}

function FormMessage({ message, className = "" }: { message: string; className?: string }) {
  if (!message) return null;
  return (
    <p role="alert" className={`text-sm text-critical ${className}`}>
      {message}
    </p>
  );
}
