"use client";

import { useState } from "react";
import { certifyPlanOfCareAction, setProgressNoteIntervalAction, writePtNoteAction } from "@/app/(app)/referrals/actions";
import { formNumber } from "@/lib/http/form-number";
import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { FormOutcome } from "@/components/ui/form-outcome";
import { useActionResult as useAction } from "@/components/ui/use-action-result";

function NoteArea({ label, name, error, rows = 3 }: { label: string; name: string; error?: string; rows?: number }) {
  return <TextAreaField label={label} name={name} id={`note-${name}`} rows={rows} maxLength={4000} error={error} />;
}

/** The therapist writes a progress note or a plan of care for the referring doctor; the course's figures are added. */
export function PtNoteForm({ referralId, today }: { referralId: string; today: string }) {
  const action = useAction();
  const [kind, setKind] = useState<"progress" | "plan_of_care">("progress");
  return (
    <form
      noValidate
      aria-label="Write a note to the referring doctor"
      className="grid gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        const form = event.currentTarget;
        const data = new FormData(form);
        const text = (name: string) => String(data.get(name) ?? "");
        const input = {
          referralId,
          kind,
          subjective: text("subjective"),
          objective: text("objective"),
          assessment: text("assessment"),
          plan: text("plan"),
          ...(kind === "plan_of_care"
            ? { goals: text("goals"), visitsPerWeek: formNumber(data.get("visitsPerWeek")), weeks: formNumber(data.get("weeks")), certifyFrom: text("certifyFrom"), certifyTo: text("certifyTo") }
            : {}),
        };
        action.run(() => writePtNoteAction(input), () => form.reset());
      }}
    >
      <SelectField
        label="Kind"
        name="kind"
        id="note-kind"
        value={kind}
        onChange={(event) => setKind(event.target.value === "plan_of_care" ? "plan_of_care" : "progress")}
        options={[
          { value: "progress", label: "Progress note" },
          { value: "plan_of_care", label: "Plan of care (for the referring doctor to certify)" },
        ]}
      />
      <NoteArea label="Subjective (what the patient reports)" name="subjective" error={action.errors.subjective} />
      <NoteArea label="Objective (findings; the course's figures are added)" name="objective" error={action.errors.objective} />
      <NoteArea label="Assessment" name="assessment" error={action.errors.assessment} />
      <NoteArea label="Plan" name="plan" error={action.errors.plan} />
      {kind === "plan_of_care" && (
        <>
          <NoteArea label="Goals" name="goals" error={action.errors.goals} rows={2} />
          <div className="grid gap-3 sm:grid-cols-2">
            <TextField label="Visits a week" name="visitsPerWeek" id="note-visitsPerWeek" type="number" min={1} max={7} error={action.errors.visitsPerWeek} />
            <TextField label="Weeks" name="weeks" id="note-weeks" type="number" min={1} max={26} error={action.errors.weeks} />
            <TextField label="Certified from" name="certifyFrom" id="note-certifyFrom" type="date" defaultValue={today} error={action.errors.certifyFrom} />
            <TextField label="Certified to (at most 90 days)" name="certifyTo" id="note-certifyTo" type="date" error={action.errors.certifyTo} />
          </div>
        </>
      )}
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={action.pending}>
          Send to the referring doctor
        </Button>
        <FormOutcome result={action.result} saved="Note sent to the referring doctor." />
      </div>
    </form>
  );
}

/** How many attended visits pass between progress notes. */
export function ProgressIntervalForm({ referralId, everyVisits }: { referralId: string; everyVisits: number }) {
  const action = useAction();
  return (
    <form
      noValidate
      aria-label="Progress note interval"
      className="flex flex-wrap items-end gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        const value = formNumber(new FormData(event.currentTarget).get("everyVisits"));
        action.run(() => setProgressNoteIntervalAction({ referralId, everyVisits: value as number }));
      }}
    >
      <TextField label="Progress note every (attended visits)" name="everyVisits" id="note-everyVisits" type="number" min={2} max={20} defaultValue={everyVisits} error={action.errors.everyVisits} />
      <Button type="submit" variant="secondary" disabled={action.pending}>
        Set
      </Button>
      <FormOutcome result={action.result} saved="Saved." />
    </form>
  );
}

/** The referring doctor certifies a plan of care. */
export function CertifyPlanButton({ referralId, noteId }: { referralId: string; noteId: string }) {
  const action = useAction();
  return (
    <div className="mt-2 flex items-center gap-3">
      <Button type="button" disabled={action.pending} onClick={() => action.run(() => certifyPlanOfCareAction({ referralId, noteId }))}>
        Certify this plan of care
      </Button>
      <FormOutcome result={action.result} saved="Certified." />
    </div>
  );
}
