"use server";

import { revalidatePath } from "next/cache";
import { requireApiActor } from "@/lib/auth/session";
import type { Actor } from "@/lib/access/actor";
import { createUser, resetUserPassword, resetUserTwoStep, setUserActive, unlockUser, updateUserAccess } from "@/lib/users/users-data";
import { actionFailure, type ActionResult } from "@/lib/http/action-result";
import { emailPasswordLink, type Delivery } from "@/lib/mail/password-link-mail";

/** A result that may carry a one-time link, shown once to the administrator, and whether it was also emailed. */
export type LinkResult = { result: ActionResult | null; link: string | null; delivery?: Delivery; email?: string };

/** A change to one person's account, as the signed-in administrator; the list is drawn again after it. */
async function change(apply: (actor: Actor) => Promise<unknown>): Promise<ActionResult> {
  try {
    await apply(await requireApiActor());
  } catch (error) {
    return actionFailure(error);
  }
  revalidatePath("/admin/users");
  return { ok: true };
}

export async function setUserActiveAction(userId: string, active: boolean, reason?: string): Promise<ActionResult> {
  return change((actor) => setUserActive(actor, { userId, active, ...(reason !== undefined ? { reason } : {}) }));
}

export async function createUserAction(_previous: LinkResult, form: FormData): Promise<LinkResult> {
  try {
    const actor = await requireApiActor();
    const created = await createUser(actor, { name: String(form.get("name") ?? ""), email: String(form.get("email") ?? ""), role: String(form.get("role") ?? ""), siteId: String(form.get("siteId") ?? "") });
    revalidatePath("/admin/users");
    return { result: { ok: true }, link: created.link, delivery: await emailPasswordLink(created, created.link, "invite"), email: created.email };
  } catch (error) {
    return { result: actionFailure(error), link: null };
  }
}

export async function resetPasswordAction(userId: string): Promise<LinkResult> {
  try {
    const actor = await requireApiActor();
    const reset = await resetUserPassword(actor, { userId });
    return { result: { ok: true }, link: reset.link, delivery: await emailPasswordLink(reset, reset.link, "reset"), email: reset.email };
  } catch (error) {
    return { result: actionFailure(error), link: null };
  }
}

export async function updateUserAccessAction(userId: string, role: string, siteId: string): Promise<ActionResult> {
  return change((actor) => updateUserAccess(actor, { userId, role, siteId }));
}

export async function unlockUserAction(userId: string): Promise<ActionResult> {
  return change((actor) => unlockUser(actor, { userId }));
}

export async function resetTwoStepAction(userId: string): Promise<ActionResult> {
  return change((actor) => resetUserTwoStep(actor, { userId }));
}
