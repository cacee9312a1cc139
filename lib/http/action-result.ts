import type { FieldIssue } from "@/lib/errors";
import { isAppError } from "@/lib/errors";

/** What a server action returns to its form: success, or a message with the fields that need attention. */
export type ActionResult = { ok: true } | { ok: false; message: string; fieldErrors: Record<string, string> };

export function actionFailure(error: unknown): ActionResult {
  if (!isAppError(error)) throw error;
  return { ok: false, message: error.message, fieldErrors: fieldErrors(error.issues) };
}

function fieldErrors(issues: FieldIssue[]): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const issue of issues) byField[issue.path === "(root)" ? "form" : issue.path] ??= issue.message;
  return byField;
}
