import type { AssessmentInput } from "@/lib/ladder/assessment-schema";

/**
 * The starting assessment of a new visit: history, medications, treatments and screening carried forward from the
 * last one so a follow-up takes a minute. Red flags are asked afresh at every visit, never carried forward.
 */
export function carryForward(previous: Partial<AssessmentInput> | null, patient: { ageYears: number; sex: AssessmentInput["patient"]["sex"] }, profile: "us" | "uk", today: string): Partial<AssessmentInput> {
  const base: Partial<AssessmentInput> = { profile, asOf: today, patient: { ageYears: patient.ageYears, sex: patient.sex }, redFlags: [] };
  if (!previous) return { ...base, conditions: [], treatments: [], medications: [] };
  return {
    ...base,
    profile: previous.profile ?? profile,
    patient: { ...previous.patient, ageYears: patient.ageYears, sex: patient.sex },
    ...(previous.pain ? { pain: previous.pain } : {}),
    ...(previous.screening ? { screening: previous.screening } : {}),
    conditions: previous.conditions ?? [],
    ...(previous.labs ? { labs: previous.labs } : {}),
    treatments: previous.treatments ?? [],
    medications: previous.medications ?? [],
    ...(previous.opioidSafety ? { opioidSafety: previous.opioidSafety } : {}),
    ...(previous.coverage ? { coverage: previous.coverage } : {}),
  };
}
