"use client";

import { useActionState } from "react";
import { createPatientAction, type NewPatientState } from "@/app/(app)/patients/new/actions";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";

const SEXES = [
  { value: "", label: "Choose…" },
  { value: "female", label: "Female" },
  { value: "male", label: "Male" },
  { value: "other", label: "Other" },
  { value: "unknown", label: "Unknown" },
];

const INITIAL: NewPatientState = { result: null, values: {} };

export function NewPatientForm() {
  const [state, action, pending] = useActionState(createPatientAction, INITIAL);
  const errors = state.result && !state.result.ok ? state.result.fieldErrors : {};
  const message = state.result && !state.result.ok ? state.result.message : "";
  return (
    <form action={action} className="max-w-lg space-y-4" noValidate>
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
        <SelectField label="Sex" name="sex" options={SEXES} defaultValue={state.values.sex ?? ""} error={errors.sex} />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Create patient"}
      </Button>
    </form>
  );
}
