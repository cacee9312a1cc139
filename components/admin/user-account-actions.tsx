"use client";

import { useState, useTransition } from "react";
import { resetPasswordAction, setUserActiveAction, type LinkResult } from "@/app/(app)/admin/users/actions";
import { Button } from "@/components/ui/button";
import { OneTimeLink } from "./one-time-link";

/** Per account: disable (after confirming, with a reason) or enable, and reset the password with a new link. */
export function UserAccountActions({ userId, name, active, self }: { userId: string; name: string; active: boolean; self: boolean }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState("");
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState("");
  const [link, setLink] = useState<LinkResult | null>(null);
  if (self) return <span className="text-xs text-muted">you</span>;
  const setActive = (next: boolean) =>
    startTransition(async () => {
      const result = await setUserActiveAction(userId, next, next ? undefined : reason);
      setError(result.ok ? "" : result.message);
      if (result.ok) setConfirming(false);
    });
  const reset = () =>
    startTransition(async () => {
      const result = await resetPasswordAction(userId);
      setError(result.result && !result.result.ok ? result.result.message : "");
      setLink(result.link ? result : null);
    });
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        {active ? (
          <Button variant="danger" disabled={pending} aria-label={`Disable ${name}`} aria-expanded={confirming} onClick={() => setConfirming(!confirming)}>
            Disable
          </Button>
        ) : (
          <Button variant="secondary" disabled={pending} aria-label={`Enable ${name}`} onClick={() => setActive(true)}>
            Enable
          </Button>
        )}
        <Button variant="secondary" disabled={pending} aria-label={`Reset password of ${name}`} onClick={reset}>
          Reset password
        </Button>
      </div>
      {confirming && (
        <div className="flex flex-wrap items-end gap-2">
          <label className="text-xs font-medium">
            Why is {name}&apos;s account disabled?
            <input value={reason} onChange={(e) => setReason(e.target.value)} className="mt-1 block w-56 rounded border border-line px-2 py-1 text-sm" />
          </label>
          <Button variant="danger" disabled={pending || !reason.trim()} onClick={() => setActive(false)}>
            Confirm: disable {name}
          </Button>
        </div>
      )}
      {link?.link && <OneTimeLink path={link.link} label={`Link for ${name} to set a new password`} delivery={link.delivery} email={link.email} />}
      {error && (
        <p role="alert" className="text-xs text-critical">
          {error}
        </p>
      )}
    </div>
  );
}
