"use client";

import { useActionState } from "react";
import { changePasswordAction } from "@/app/(app)/account/actions";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";

export function ChangePasswordForm() {
  const [result, action, pending] = useActionState(changePasswordAction, null);
  const errors = result && !result.ok ? result.fieldErrors : {};
  return (
    <form action={action} aria-label="Change your password" className="max-w-sm space-y-4" noValidate>
      <TextField label="Current password" name="current" type="password" autoComplete="current-password" error={errors.current} />
      <TextField label="New password" name="password" type="password" autoComplete="new-password" error={errors.password} hint="At least 12 characters. A few unrelated words together make a strong one." />
      <TextField label="Type it again" name="confirm" type="password" autoComplete="new-password" error={errors.confirm} />
      <Button type="submit" disabled={pending}>
        Change password
      </Button>
      <p role="status" aria-live="polite" className={`text-sm ${result && !result.ok ? "text-critical" : ""}`}>
        {result ? (result.ok ? "Your password is changed. You stay signed in here; every other session has ended." : result.message) : ""}
      </p>
    </form>
  );
}
