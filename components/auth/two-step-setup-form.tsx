"use client";

import { useActionState } from "react";
import Link from "next/link";
import { confirmTwoStepAction } from "@/app/(app)/account/two-step/actions";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";

/** Confirms the setup with a code from the app, then shows the recovery codes, once. */
export function TwoStepSetupForm({ home }: { home: string }) {
  const [result, action, pending] = useActionState(confirmTwoStepAction, null);
  if (result?.ok && "recoveryCodes" in result) {
    return (
      <section aria-label="Recovery codes" className="mt-4 space-y-2">
        <p role="status" className="text-sm font-semibold">
          Two-step sign-in is on. Save these recovery codes now: each signs you in once without your phone, and they are not shown again.
        </p>
        <ul className="grid grid-cols-2 gap-1 font-mono text-sm">
          {result.recoveryCodes.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ul>
        <Link href={home} className="inline-block text-sm text-brand underline">
          I have saved them: continue
        </Link>
      </section>
    );
  }
  const errors = result && !result.ok ? result.fieldErrors : {};
  return (
    <form action={action} aria-label="Confirm two-step sign-in" className="mt-4 max-w-sm space-y-3" noValidate>
      <TextField label="Code from the app" name="code" inputMode="numeric" autoComplete="one-time-code" error={errors.code} />
      <Button type="submit" disabled={pending}>
        Turn on two-step sign-in
      </Button>
      <p role="status" aria-live="polite" className="text-sm text-critical">
        {result && !result.ok ? result.message : ""}
      </p>
    </form>
  );
}
