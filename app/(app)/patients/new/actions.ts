"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { requireApiActor } from "@/lib/auth/session";
import { createPatient } from "@/lib/patients/patients-data";
import { actionFailure } from "@/lib/http/action-result";
import type { PatientFormState } from "@/components/patients/patient-form";

export async function createPatientAction(_previous: PatientFormState, form: FormData): Promise<PatientFormState> {
  const values = Object.fromEntries(["mrn", "givenName", "familyName", "birthDate", "sex", "phone", "email", "preferredContact"].map((key) => [key, String(form.get(key) ?? "")]));
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
