"use client";

import { useActionState } from "react";
import { setMeasureTargetAction } from "@/app/(app)/admin/organization/actions";
import type { MeasureTargetRow } from "@/lib/measures/measure-targets-data";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormOutcome, fieldErrorsOf } from "@/components/ui/form-outcome";

/** One measure's target: a ceiling where lower is better, a floor where higher is; empty clears it. */
export function MeasureTargetForm({ measure }: { measure: MeasureTargetRow }) {
  const [result, action, pending] = useActionState(setMeasureTargetAction, null);
  const errors = fieldErrorsOf(result);
  return (
    <form action={action} noValidate aria-label={`Target for measure ${measure.number}`} className="grid items-end gap-3 border-b border-line py-2 sm:grid-cols-[3fr_1fr_auto]">
      <input type="hidden" name="measureId" value={measure.id} />
      <p className="text-sm">
        {measure.number}. {measure.title} <span className="text-muted">({measure.better} is better)</span>
      </p>
      <TextField
        label={`Target, % (${measure.better === "lower" ? "at most" : "at least"})`}
        name="percent"
        id={`target-${measure.id}`}
        type="number"
        min={0}
        max={100}
        step={0.1}
        defaultValue={measure.percent ?? ""}
        error={errors.percent}
      />
      <Button type="submit" variant="secondary" disabled={pending}>
        Save
      </Button>
      <div className="sm:col-span-3">
        <FormOutcome result={result} saved="Saved." />
      </div>
    </form>
  );
}
