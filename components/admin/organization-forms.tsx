"use client";

import { useActionState } from "react";
import { createSiteAction, updateSettingsAction, updateSiteAction } from "@/app/(app)/admin/organization/actions";
import type { OrganizationSettings, SiteView } from "@/lib/organizations/organization-data";
import { Button } from "@/components/ui/button";
import { FormOutcome, fieldErrorsOf } from "@/components/ui/form-outcome";
import { SelectField, TextField } from "@/components/ui/field";
import { ADHERENCE_THRESHOLD_RANGE, DEFAULT_ADHERENCE_THRESHOLD_PERCENT } from "@/lib/ladder/adequacy";



export function SettingsForm({ settings }: { settings: Omit<OrganizationSettings, "sites"> }) {
  const [result, action, pending] = useActionState(updateSettingsAction, null);
  const errors = fieldErrorsOf(result);
  return (
    <form action={action} aria-label="Organization settings" className="max-w-lg space-y-4">
      <TextField label="Name" name="name" defaultValue={settings.name} error={errors.name} />
      <SelectField
        label="Guideline profile every new visit starts with"
        name="guidelineProfile"
        defaultValue={settings.guidelineProfile}
        error={errors.guidelineProfile}
        options={[
          { value: "us", label: "us: ACP 2017 and CDC 2022" },
          { value: "uk", label: "uk: NICE NG59" },
        ]}
      />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="profileSwitchAllowed" defaultChecked={settings.profileSwitchAllowed} className="h-4 w-4" />
        Clinicians may choose the other profile for a visit
      </label>
      <TextField label="Covered PT visits a year" name="ptVisitLimit" type="number" min={0} max={365} defaultValue={String(settings.ptVisitLimit)} error={errors.ptVisitLimit} hint="Every new visit starts with it; a clinician can change it for a patient's own cover." />
      <TextField
        label="Adherence threshold (%)"
        name="adherenceThresholdPercent"
        type="number"
        min={ADHERENCE_THRESHOLD_RANGE.min}
        max={ADHERENCE_THRESHOLD_RANGE.max}
        defaultValue={String(settings.adherenceThresholdPercent)}
        error={errors.adherenceThresholdPercent}
        hint={`An exercise program kept up less than this was not really tried, so the plan stays on that step with support. Backstep's default is ${DEFAULT_ADHERENCE_THRESHOLD_PERCENT}%; ${ADHERENCE_THRESHOLD_RANGE.min}-${ADHERENCE_THRESHOLD_RANGE.max}%. Applies to visits signed from now on.`}
      />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="mfaRequired" defaultChecked={settings.mfaRequired} className="h-4 w-4" />
        Everyone signs in in two steps, with an authenticator app (administrators always do)
      </label>
      <Button type="submit" disabled={pending}>
        Save settings
      </Button>
      <FormOutcome result={result} saved="Settings saved. New visits start with them." />
    </form>
  );
}

export function SiteForm({ site }: { site: SiteView }) {
  const [result, action, pending] = useActionState(updateSiteAction, null);
  const errors = fieldErrorsOf(result);
  const prefix = `site-${site.id}`;
  return (
    <form action={action} aria-label={`Site ${site.name}`} className="grid items-end gap-3 border-b border-line py-3 sm:grid-cols-[2fr_1fr_2fr_auto_auto]">
      <input type="hidden" name="id" value={site.id} />
      <TextField label={`Name (${site.kind === "pt_clinic" ? "PT clinic" : "primary care"})`} name="name" id={`${prefix}-name`} defaultValue={site.name} error={errors.name} />
      <TextField label="Phone" name="phone" id={`${prefix}-phone`} defaultValue={site.phone ?? ""} error={errors.phone} />
      <TextField label="Address" name="address" id={`${prefix}-address`} defaultValue={site.address ?? ""} error={errors.address} />
      <label className="flex items-center gap-2 pb-2 text-sm">
        <input type="checkbox" name="retired" defaultChecked={site.retired} className="h-4 w-4" />
        Retired
      </label>
      <Button type="submit" variant="secondary" disabled={pending}>
        Save
      </Button>
      <div className="sm:col-span-5">
        <FormOutcome result={result} saved="Saved." />
      </div>
    </form>
  );
}

export function NewSiteForm() {
  const [result, action, pending] = useActionState(createSiteAction, null);
  const errors = fieldErrorsOf(result);
  return (
    <form action={action} aria-label="New site" className="grid items-end gap-3 sm:grid-cols-[2fr_1fr_1fr_2fr_auto]">
      <TextField label="Name" name="name" id="new-site-name" error={errors.name} />
      <SelectField
        label="Kind"
        name="kind"
        id="new-site-kind"
        error={errors.kind}
        options={[
          { value: "primary_care", label: "Primary care practice" },
          { value: "pt_clinic", label: "PT clinic" },
        ]}
      />
      <TextField label="Phone" name="phone" id="new-site-phone" error={errors.phone} />
      <TextField label="Address" name="address" id="new-site-address" error={errors.address} />
      <Button type="submit" disabled={pending}>
        Add site
      </Button>
      <div className="sm:col-span-5">
        <FormOutcome result={result} saved="Site added." />
      </div>
    </form>
  );
}
