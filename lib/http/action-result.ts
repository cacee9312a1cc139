import type { FieldIssue } from "@/lib/errors";
import { toAppError } from "@/lib/errors";

/** What a server action returns to its form: success, or a message with the fields that need attention. */
export type ActionResult = { ok: true } | { ok: false; message: string; fieldErrors: Record<string, string> };

export function actionFailure(error: unknown): ActionResult {
  const known = toAppError(error);
  if (!known) throw error;
  return { ok: false, message: known.message, fieldErrors: fieldErrors(known.issues) };
}

function fieldErrors(issues: FieldIssue[]): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const issue of issues) byField[issue.path === "(root)" ? "form" : issue.path] ??= issue.message;
  return byField;
}
