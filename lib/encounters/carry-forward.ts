import type { AssessmentInput } from "@/lib/ladder/assessment-schema";

type Treatment = NonNullable<AssessmentInput["treatments"]>[number];

/**
 * The starting assessment of a new visit: history, medications, treatments and screening carried forward from the
 * last one so a follow-up takes a minute. Red flags are asked afresh at every visit, never carried forward.
 * `completedSince` are courses finished since (a PT discharge): they replace the same therapy marked current.
 */
export function carryForward(
  previous: Partial<AssessmentInput> | null,
  patient: { ageYears: number; sex: AssessmentInput["patient"]["sex"] },
  profile: "us" | "uk",
  today: string,
  completedSince: Treatment[] = [],
): Partial<AssessmentInput> {
  const finished = new Set(completedSince.map((t) => t.therapy));
  const treatments = [...(previous?.treatments ?? []).filter((t) => !(t.status === "current" && finished.has(t.therapy))), ...completedSince];
  const base: Partial<AssessmentInput> = { profile, asOf: today, patient: { ageYears: patient.ageYears, sex: patient.sex }, redFlags: [] };
  if (!previous) return { ...base, conditions: [], treatments, medications: [] };
  return {
    ...base,
    profile: previous.profile ?? profile,
    patient: { ...previous.patient, ageYears: patient.ageYears, sex: patient.sex },
    ...(previous.pain ? { pain: previous.pain } : {}),
    ...(previous.screening ? { screening: previous.screening } : {}),
    conditions: previous.conditions ?? [],
    ...(previous.labs ? { labs: previous.labs } : {}),
    treatments,
    medications: previous.medications ?? [],
    ...(previous.opioidSafety ? { opioidSafety: previous.opioidSafety } : {}),
    ...(previous.coverage ? { coverage: previous.coverage } : {}),
  };
}
