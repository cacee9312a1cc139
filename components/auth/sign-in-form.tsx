"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";

const MESSAGES: Record<string, string> = {
  // One answer for a wrong password and a disabled account, so it never confirms a password.
  CredentialsSignin: "Email or password is incorrect, or the account is disabled. Ask your administrator if it keeps happening.",
  Throttled: "Too many failed attempts. Wait a few minutes, then try again.",
  CodeRequired: "Enter the 6-digit code from your authenticator app, or one of your recovery codes.",
  InvalidCode: "That code is not right or was already used. Enter the current code, or a recovery code you have not used.",
  SessionExpired: "Your session ended after a time without activity, or at its 8-hour limit. Sign in again to continue.",
};

function retryMessage(seconds: number): string {
  const minutes = Math.ceil(seconds / 60);
  return `Too many failed attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

/** Signs in through next-auth's credentials endpoint directly, so a throttled attempt (429) can say when to retry. */
export function SignInForm({ callbackUrl, initialError }: { callbackUrl: string; initialError?: string }) {
  const [error, setError] = useState(initialError ? (MESSAGES[initialError] ?? "Sign-in failed. Try again.") : "");
  const [pending, setPending] = useState(false);
  // The second step appears once the password has been accepted for an account with two-step sign-in.
  const [askCode, setAskCode] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError("");
    const form = new FormData(event.currentTarget);
    try {
      const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
      const response = await fetch("/api/auth/callback/credentials", {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          email: String(form.get("email") ?? ""),
          password: String(form.get("password") ?? ""),
          code: String(form.get("code") ?? ""),
          csrfToken,
          callbackUrl,
          json: "true",
        }),
      });
      if (response.status === 429) {
        setError(retryMessage(Number(response.headers.get("Retry-After") ?? 900)));
        return;
      }
      const { url } = (await response.json()) as { url?: string };
      const code = url ? new URL(url, window.location.origin).searchParams.get("error") : "unknown";
      if (code) {
        if (code === "CodeRequired" || code === "InvalidCode") setAskCode(true);
        setError(MESSAGES[code] ?? "Sign-in failed. Try again.");
        return;
      }
      window.location.assign(callbackUrl);
    } catch {
      setError("Backstep could not be reached. Check your connection and try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} className="space-y-4" noValidate>
      <TextField label="Email" name="email" type="email" autoComplete="username" required autoFocus />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required />
      {askCode && <TextField label="Code" name="code" autoComplete="one-time-code" inputMode="text" required autoFocus hint="6 digits from your authenticator app, or a recovery code" />}
      <div role="alert" aria-live="assertive" className="min-h-5 text-sm text-critical">
        {error}
      </div>
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
