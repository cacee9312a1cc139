"use server";

import { revalidatePath } from "next/cache";
import { requireApiActor } from "@/lib/auth/session";
import { setUserActive } from "@/lib/users/users-data";
import { actionFailure, type ActionResult } from "@/lib/http/action-result";

export async function setUserActiveAction(userId: string, active: boolean): Promise<ActionResult> {
  try {
    const actor = await requireApiActor();
    await setUserActive(actor, { userId, active });
  } catch (error) {
    return actionFailure(error);
  }
  revalidatePath("/admin/users");
  return { ok: true };
}
