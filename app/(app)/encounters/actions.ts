"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { requireApiActor } from "@/lib/auth/session";
import { addAddendum, saveDraft, signEncounter, startEncounter } from "@/lib/encounters/encounters-data";
import { toAppError, type FieldIssue } from "@/lib/errors";
import type { DraftInput } from "@/lib/encounters/sign-input";

export type WorkspaceResult = { ok: true; version: number } | { ok: false; code: string; message: string; issues: FieldIssue[] };

function failed(error: unknown): WorkspaceResult {
  const known = toAppError(error);
  if (!known) throw error;
  return { ok: false, code: known.code, message: known.message, issues: known.issues };
}

export async function startVisitAction(patientId: string): Promise<void> {
  const actor = await requireApiActor();
  const { id } = await startEncounter(actor, { patientId });
  redirect(`/encounters/${id}`);
}

export async function saveDraftAction(input: DraftInput): Promise<WorkspaceResult> {
  try {
    const actor = await requireApiActor();
    return { ok: true, ...(await saveDraft(actor, input)) };
  } catch (error) {
    return failed(error);
  }
}

export async function signAction(input: unknown): Promise<WorkspaceResult> {
  try {
    const actor = await requireApiActor();
    // No revalidatePath: it would render the whole page again into this response, and the workspace refreshes the
    // page itself once the signing is through (the pages are dynamic, so nothing cached needs clearing).
    const { version } = await signEncounter(actor, input);
    return { ok: true, version };
  } catch (error) {
    return failed(error);
  }
}

export async function addAddendumAction(encounterId: string, text: string): Promise<WorkspaceResult> {
  try {
    const actor = await requireApiActor();
    await addAddendum(actor, { encounterId, text });
    revalidatePath(`/encounters/${encounterId}`);
    return { ok: true, version: 0 };
  } catch (error) {
    return failed(error);
  }
}
