"use server";

import { setPasswordWithLink } from "@/lib/users/password-links";
import { actionFailure, type ActionResult } from "@/lib/http/action-result";

export type SetPasswordState = { result: ActionResult | null; email: string | null };

export async function setPasswordAction(_previous: SetPasswordState, form: FormData): Promise<SetPasswordState> {
  try {
    const { email } = await setPasswordWithLink({ token: String(form.get("token") ?? ""), password: String(form.get("password") ?? ""), confirm: String(form.get("confirm") ?? "") });
    return { result: { ok: true }, email };
  } catch (error) {
    return { result: actionFailure(error), email: null };
  }
}
