"use client";

import { useActionState } from "react";
import { createEhrLinkAction, deleteEhrLinkAction } from "@/app/(app)/admin/organization/actions";
import type { EhrLinks, EhrLinkView } from "@/lib/organizations/ehr-links-data";
import { Button } from "@/components/ui/button";
import { FormOutcome, fieldErrorsOf } from "@/components/ui/form-outcome";
import { SelectField, TextField } from "@/components/ui/field";


export function EhrLinkRow({ link }: { link: EhrLinkView }) {
  const [result, action, pending] = useActionState(deleteEhrLinkAction, null);
  return (
    <form action={action} aria-label={`EHR user ${link.fhirUser}`} className="flex flex-wrap items-center gap-3 border-b border-line py-2 text-sm">
      <input type="hidden" name="id" value={link.id} />
      <span className="font-mono">{link.fhirUser}</span>
      <span className="text-muted">at {link.issuer}</span>
      <span>signs in as {link.clinician}</span>
      <Button type="submit" variant="secondary" disabled={pending}>
        Remove
      </Button>
      <FormOutcome result={result} saved="Removed." />
    </form>
  );
}

export function NewEhrLinkForm({ issuers, clinicians }: Pick<EhrLinks, "issuers" | "clinicians">) {
  const [result, action, pending] = useActionState(createEhrLinkAction, null);
  const errors = fieldErrorsOf(result);
  return (
    <form action={action} aria-label="New EHR link" className="grid items-end gap-3 sm:grid-cols-[2fr_2fr_2fr_auto]">
      <SelectField label="EHR" name="issuer" id="ehr-link-issuer" error={errors.issuer} options={issuers.map((issuer) => ({ value: issuer, label: issuer }))} />
      <TextField label="EHR user (fhirUser)" name="fhirUser" id="ehr-link-fhir-user" placeholder="Practitioner/123" error={errors.fhirUser} />
      <SelectField label="Backstep clinician" name="userId" id="ehr-link-user" error={errors.userId} options={clinicians.map((c) => ({ value: c.id, label: c.name }))} />
      <Button type="submit" disabled={pending || !clinicians.length}>
        Link
      </Button>
      <div className="sm:col-span-4">
        <FormOutcome result={result} saved="Linked: this EHR user now opens Backstep as that clinician." />
      </div>
    </form>
  );
}
