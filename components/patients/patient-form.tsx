"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/http/action-result";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { CONTACT_METHODS } from "@/lib/patients/contact-methods";

const SEXES = [
  { value: "", label: "Choose…" },
  { value: "female", label: "Female" },
  { value: "male", label: "Male" },
  { value: "other", label: "Other" },
  { value: "unknown", label: "Unknown" },
];

export type PatientFormState = { result: ActionResult | null; values: Record<string, string> };

type Props = {
  action: (previous: PatientFormState, form: FormData) => Promise<PatientFormState>;
  /** The values to start from: empty for a new patient, the record's for a correction (with its id). */
  initial: Record<string, string>;
  submitLabel: string;
};

/** A patient's demographics: registering a new patient, or correcting one. */
export function PatientForm({ action, initial, submitLabel }: Props) {
  const [state, submit, pending] = useActionState(action, { result: null, values: initial });
  const errors = state.result && !state.result.ok ? state.result.fieldErrors : {};
  const message = state.result && !state.result.ok ? state.result.message : "";
  return (
    <form action={submit} className="max-w-lg space-y-4" noValidate>
      <div role="alert" aria-live="assertive" className="text-sm text-critical">
        {message}
      </div>
      <TextField label="MRN" name="mrn" required defaultValue={state.values.mrn} error={errors.mrn} hint="Medical record number, unique in your organization" autoFocus />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Given name" name="givenName" required defaultValue={state.values.givenName} error={errors.givenName} autoComplete="off" />
        <TextField label="Family name" name="familyName" required defaultValue={state.values.familyName} error={errors.familyName} autoComplete="off" />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Birth date" name="birthDate" type="date" required defaultValue={state.values.birthDate} error={errors.birthDate} />
        <SelectField key={`sex-${state.values.sex}`} label="Sex" name="sex" options={SEXES} defaultValue={state.values.sex ?? ""} error={errors.sex} />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Phone" name="phone" type="tel" defaultValue={state.values.phone} error={errors.phone} autoComplete="off" hint="For appointments; US numbers, or + and the country code" />
        <TextField label="Email" name="email" type="email" defaultValue={state.values.email} error={errors.email} autoComplete="off" />
      </div>
      <SelectField
        // Keyed by the value: after a refused submission React resets the form, and a select keeps only the choice it mounted with.
        key={`preferred-${state.values.preferredContact}`}
        label="Preferred contact"
        name="preferredContact"
        options={[{ value: "", label: "Not stated" }, ...Object.entries(CONTACT_METHODS).map(([value, label]) => ({ value, label }))]}
        defaultValue={state.values.preferredContact ?? ""}
        error={errors.preferredContact}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : submitLabel}
      </Button>
    </form>
  );
}
