"use server";

import { requireApiActor } from "@/lib/auth/session";
import { renewSession } from "@/lib/auth/renew-session";
import { changeOwnPassword } from "@/lib/users/own-password";
import { actionFailure, type ActionResult } from "@/lib/http/action-result";

export async function changePasswordAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  try {
    const actor = await requireApiActor();
    const validAfter = await changeOwnPassword(actor, { current: String(form.get("current") ?? ""), password: String(form.get("password") ?? ""), confirm: String(form.get("confirm") ?? "") });
    await renewSession(actor.userId, validAfter);
    return { ok: true };
  } catch (error) {
    return actionFailure(error);
  }
}
