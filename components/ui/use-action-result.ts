"use client";

import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/http/action-result";

/** A server action run from a form: whether it is pending, its last result, and that result's field errors and message. */
export function useActionResult() {
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult | null>(null);
  const run = (work: () => Promise<ActionResult>, onSuccess?: () => void) =>
    startTransition(async () => {
      const outcome = await work();
      setResult(outcome);
      if (outcome.ok) onSuccess?.();
    });
  return {
    pending,
    result,
    run,
    errors: result && !result.ok ? result.fieldErrors : ({} as Record<string, string>),
    message: result && !result.ok ? result.message : "",
    ok: result?.ok === true,
  };
}
