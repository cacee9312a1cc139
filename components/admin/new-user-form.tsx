"use client";

import { useActionState } from "react";
import { createUserAction, type LinkResult } from "@/app/(app)/admin/users/actions";
import { ROLE_LABELS } from "@/lib/access/actor";
import { ROLES } from "@/lib/access/policy";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { OneTimeLink } from "./one-time-link";

const INITIAL: LinkResult = { result: null, link: null };

export function NewUserForm({ sites }: { sites: { id: string; name: string }[] }) {
  const [state, action, pending] = useActionState(createUserAction, INITIAL);
  const failure = state.result && !state.result.ok ? state.result : null;
  const errors = failure?.fieldErrors ?? {};
  return (
    <div className="space-y-3">
      <form action={action} aria-label="Add a person" className="grid items-end gap-3 sm:grid-cols-[2fr_2fr_1fr_2fr_auto]" noValidate>
        <TextField label="Name" name="name" id="new-user-name" error={errors.name} autoComplete="off" />
        <TextField label="Email" name="email" id="new-user-email" type="email" error={errors.email} autoComplete="off" />
        <SelectField label="Role" name="role" id="new-user-role" error={errors.role} options={ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }))} />
        <SelectField label="Site" name="siteId" id="new-user-site" error={errors.siteId} options={[{ value: "", label: "No site" }, ...sites.map((site) => ({ value: site.id, label: site.name }))]} />
        <Button type="submit" disabled={pending}>
          Add
        </Button>
      </form>
      {failure && !Object.keys(errors).length && <p role="alert" className="text-sm text-critical">{failure.message}</p>}
      {state.link && <OneTimeLink path={state.link} label="Link to set their password" delivery={state.delivery} email={state.email} />}
    </div>
  );
}
