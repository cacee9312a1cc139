"use client";

import { useState, useTransition } from "react";
import { setUserActiveAction } from "@/app/(app)/admin/users/actions";
import { Button } from "@/components/ui/button";

export function UserActiveToggle({ userId, name, active, self }: { userId: string; name: string; active: boolean; self: boolean }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState("");
  if (self) return <span className="text-xs text-muted">you</span>;
  return (
    <div>
      <Button
        variant={active ? "danger" : "secondary"}
        disabled={pending}
        aria-label={`${active ? "Disable" : "Enable"} ${name}`}
        onClick={() =>
          startTransition(async () => {
            const result = await setUserActiveAction(userId, !active);
            setError(result.ok ? "" : result.message);
          })
        }
      >
        {active ? "Disable" : "Enable"}
      </Button>
      {error && (
        <p role="alert" className="mt-1 text-xs text-critical">
          {error}
        </p>
      )}
    </div>
  );
}
