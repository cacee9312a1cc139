"use client";

import { useEffect, useState } from "react";

/** A one-time link, shown once: the full address to copy and give to the person. */
const DELIVERY = { sent: "Also sent by email to", failed: "The email to", "not-configured": null } as const;

export function OneTimeLink({ path, label, delivery, email }: { path: string; label: string; delivery?: keyof typeof DELIVERY; email?: string }) {
  const [origin, setOrigin] = useState("");
  useEffect(() => setOrigin(window.location.origin), []);
  return (
    <div role="status" className="rounded-md border border-line bg-canvas p-3 text-sm">
      <label className="block font-medium">
        {label}
        <input readOnly value={`${origin}${path}`} onFocus={(e) => e.currentTarget.select()} className="mt-1 block w-full rounded border border-line bg-white px-2 py-1 font-mono text-xs" />
      </label>
      <p className="mt-1 text-xs text-muted">Shown this once: it works one time within 24 hours. Give it to the person directly.</p>
      {delivery === "sent" && <p className="mt-1 text-xs">{DELIVERY.sent} {email}.</p>}
      {delivery === "failed" && <p className="mt-1 text-xs text-critical">{DELIVERY.failed} {email} could not be sent: give them the link yourself.</p>}
    </div>
  );
}
