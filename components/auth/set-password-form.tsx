"use client";

import { useActionState, useEffect, useState } from "react";
import Link from "next/link";
import { setPasswordAction, type SetPasswordState } from "@/app/set-password/actions";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";

const INITIAL: SetPasswordState = { result: null, email: null };

/** Setting a password from a one-time link; the token is read from the link's fragment, which no server sees. */
export function SetPasswordForm() {
  const [token, setToken] = useState<string | null>(null);
  const [state, action, pending] = useActionState(setPasswordAction, INITIAL);
  useEffect(() => setToken(window.location.hash.slice(1)), []);
  const failure = state.result && !state.result.ok ? state.result : null;
  if (state.email) {
    return (
      <p role="status">
        Your password is set. <Link href="/sign-in" className="text-brand underline">Sign in</Link> as {state.email}.
      </p>
    );
  }
  if (token === "") return <p role="alert">This link is incomplete. Open the whole link you were given, or ask your administrator for a new one.</p>;
  return (
    <form action={action} className="space-y-4" noValidate>
      <div role="alert" aria-live="assertive" className="text-sm text-critical">
        {failure?.message}
      </div>
      <input type="hidden" name="token" value={token ?? ""} />
      <TextField label="New password" name="password" type="password" autoComplete="new-password" error={failure?.fieldErrors.password} hint="At least 12 characters. A few unrelated words together make a strong one." />
      <TextField label="Type it again" name="confirm" type="password" autoComplete="new-password" error={failure?.fieldErrors.confirm} />
      <Button type="submit" disabled={pending || token === null}>
        Set password
      </Button>
    </form>
  );
}
