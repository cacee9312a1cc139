"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { requireApiActor } from "@/lib/auth/session";
import { createPatient } from "@/lib/patients/patients-data";
import { actionFailure, type ActionResult } from "@/lib/http/action-result";

export type NewPatientState = { result: ActionResult | null; values: Record<string, string> };

export async function createPatientAction(_previous: NewPatientState, form: FormData): Promise<NewPatientState> {
  const values = Object.fromEntries(["mrn", "givenName", "familyName", "birthDate", "sex"].map((key) => [key, String(form.get(key) ?? "")]));
  let id: string;
  try {
    const actor = await requireApiActor();
    ({ id } = await createPatient(actor, values));
  } catch (error) {
    return { result: actionFailure(error), values };
  }
  revalidatePath("/patients");
  redirect(`/patients/${id}`);
}
