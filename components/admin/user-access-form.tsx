"use client";

import { useState, useTransition } from "react";
import { resetTwoStepAction, unlockUserAction, updateUserAccessAction } from "@/app/(app)/admin/users/actions";
import { ROLE_LABELS } from "@/lib/access/actor";
import { ROLES, type Role } from "@/lib/access/policy";
import { Button } from "@/components/ui/button";

type Props = { userId: string; name: string; role: Role; siteId: string | null; locked: boolean; twoStep: boolean; sites: { id: string; name: string }[] };

/** A person's role and site, changed in place; an unlock when repeated failed sign-ins block them; a reset of two-step sign-in. */
export function UserAccessForm({ userId, name, role, siteId, locked, twoStep, sites }: Props) {
  const [pending, startTransition] = useTransition();
  const [nextRole, setRole] = useState<string>(role);
  const [nextSite, setSite] = useState(siteId ?? "");
  const [message, setMessage] = useState("");
  const changed = nextRole !== role || nextSite !== (siteId ?? "");
  const run = (action: () => Promise<{ ok: boolean; message?: string }>, done: string) =>
    startTransition(async () => {
      const result = await action();
      setMessage(result.ok ? done : (result.message ?? ""));
    });
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap items-center gap-2">
        <select aria-label={`Role of ${name}`} value={nextRole} onChange={(e) => setRole(e.target.value)} className="rounded border border-line bg-white px-2 py-1 text-sm">
          {ROLES.map((option) => (
            <option key={option} value={option}>
              {ROLE_LABELS[option]}
            </option>
          ))}
        </select>
        <select aria-label={`Site of ${name}`} value={nextSite} onChange={(e) => setSite(e.target.value)} className="rounded border border-line bg-white px-2 py-1 text-sm">
          <option value="">No site</option>
          {sites.map((site) => (
            <option key={site.id} value={site.id}>
              {site.name}
            </option>
          ))}
        </select>
        {changed && (
          <Button variant="secondary" disabled={pending} onClick={() => run(() => updateUserAccessAction(userId, nextRole, nextSite), "Saved.")}>
            Save role and site
          </Button>
        )}
        {locked && (
          <Button variant="secondary" disabled={pending} aria-label={`Unlock sign-in for ${name}`} onClick={() => run(() => unlockUserAction(userId), "Sign-in unlocked.")}>
            Unlock sign-in
          </Button>
        )}
        {twoStep && (
          <Button variant="secondary" disabled={pending} aria-label={`Reset two-step sign-in for ${name}`} onClick={() => run(() => resetTwoStepAction(userId), "Two-step sign-in reset; their sessions have ended.")}>
            Reset two-step sign-in
          </Button>
        )}
      </div>
      {message && (
        <p role="status" className="text-xs">
          {message}
        </p>
      )}
    </div>
  );
}
