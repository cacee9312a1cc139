"use client";

import { useState, useTransition } from "react";
import { addAddendumAction } from "@/app/(app)/encounters/actions";

export function AddendumForm({ encounterId }: { encounterId: string }) {
  const [text, setText] = useState("");
  const [error, setError] = useState("");
  const [pending, startTransition] = useTransition();
  return (
    <form
      className="mt-3 space-y-2"
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => {
          const result = await addAddendumAction(encounterId, text);
          if (result.ok) setText("");
          else setError(result.issues[0]?.message ?? result.message);
        });
      }}
    >
      <label htmlFor="addendum" className="block text-sm font-medium">
        Add an addendum
      </label>
      <textarea id="addendum" value={text} onChange={(e) => setText(e.target.value)} rows={3} className="block w-full rounded border border-line px-2 py-1 text-sm" />
      {error && (
        <p role="alert" className="text-sm text-critical">
          {error}
        </p>
      )}
      <button type="submit" disabled={pending} className="rounded border border-brand px-3 py-1 text-sm text-brand">
        Add addendum
      </button>
    </form>
  );
}
