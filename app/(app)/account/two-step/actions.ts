"use server";

import { requireApiActor } from "@/lib/auth/session";
import { confirmTwoStepSetup } from "@/lib/users/two-step";
import { actionFailure, type ActionResult } from "@/lib/http/action-result";

export type TwoStepResult = ActionResult | { ok: true; recoveryCodes: string[] };

export async function confirmTwoStepAction(_previous: TwoStepResult | null, form: FormData): Promise<TwoStepResult> {
  try {
    const actor = await requireApiActor({ settingUpTwoStep: true });
    return { ok: true, ...(await confirmTwoStepSetup(actor, { code: String(form.get("code") ?? "") })) };
  } catch (error) {
    return actionFailure(error);
  }
}
