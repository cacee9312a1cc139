"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { requireApiActor } from "@/lib/auth/session";
import { updatePatient } from "@/lib/patients/patients-data";
import { actionFailure } from "@/lib/http/action-result";
import type { PatientFormState } from "@/components/patients/patient-form";

export async function updatePatientAction(previous: PatientFormState, form: FormData): Promise<PatientFormState> {
  const values = Object.fromEntries(["mrn", "givenName", "familyName", "birthDate", "sex", "phone", "email", "preferredContact"].map((key) => [key, String(form.get(key) ?? "")]));
  const id = previous.values.id ?? "";
  try {
    const actor = await requireApiActor();
    await updatePatient(actor, { id, ...values });
  } catch (error) {
    return { result: actionFailure(error), values: { ...values, id } };
  }
  revalidatePath(`/patients/${id}`);
  redirect(`/patients/${id}`);
}
