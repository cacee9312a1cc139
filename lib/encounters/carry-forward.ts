import type { AssessmentInput, MedicationOrder } from "@/lib/ladder/assessment-schema";
import { reconciledMedications } from "./visit-orders";

type Treatment = NonNullable<AssessmentInput["treatments"]>[number];

/** The last signed visit as the next one starts from it: what was assessed, what was ordered, how long ago. */
export type LastVisit = {
  assessment: Partial<AssessmentInput>;
  daysAgo: number;
  medicationOrders: readonly MedicationOrder[];
  naloxoneOrdered: boolean;
  drugTestOrdered: boolean;
};

const later = (daysAgo: number | null | undefined, elapsed: number) => (typeof daysAgo === "number" ? daysAgo + elapsed : daysAgo);

/**
 * The starting assessment of a new visit: history, medications, treatments and screening carried forward from the
 * last signed visit so a follow-up takes a minute. The medicines are the list that visit left the patient on (its
 * orders applied: started, changed and stopped); naloxone it ordered is on hand; "days ago" figures (urine drug test,
 * PDMP check) have aged by the time since. Red flags are asked afresh at every visit, never carried forward.
 * `completedSince` are courses finished since (a PT discharge): they replace the same therapy marked current.
 * Every visit starts with the organization's guideline profile, its count of covered PT visits a year and its
 * adherence threshold; the visits used this year are carried forward.
 */
export function carryForward(
  last: LastVisit | null,
  patient: { ageYears: number; sex: AssessmentInput["patient"]["sex"] },
  organization: { profile: "us" | "uk"; ptVisitLimit: number; adherenceThresholdPercent: number },
  today: string,
  completedSince: Treatment[] = [],
): Partial<AssessmentInput> {
  const previous = last?.assessment;
  const finished = new Set(completedSince.map((t) => t.therapy));
  const treatments = [...(previous?.treatments ?? []).filter((t) => !(t.status === "current" && finished.has(t.therapy))), ...completedSince];
  const { profile, ptVisitLimit, adherenceThresholdPercent } = organization;
  const base: Partial<AssessmentInput> = { profile, asOf: today, patient: { ageYears: patient.ageYears, sex: patient.sex }, redFlags: [], settings: { adherenceThresholdPercent } };
  if (!last || !previous) return { ...base, conditions: [], treatments, medications: [], coverage: { ptVisitLimit } };
  const safety = previous.opioidSafety;
  const opioidSafety =
    safety || last.naloxoneOrdered || last.drugTestOrdered
      ? {
          ...safety,
          ...(last.naloxoneOrdered ? { naloxoneOnHand: true } : {}),
          ...(safety && "pdmpReviewedDaysAgo" in safety ? { pdmpReviewedDaysAgo: later(safety.pdmpReviewedDaysAgo, last.daysAgo) } : {}),
          ...(last.drugTestOrdered
            ? { urineDrugTestDaysAgo: last.daysAgo }
            : safety && "urineDrugTestDaysAgo" in safety
              ? { urineDrugTestDaysAgo: later(safety.urineDrugTestDaysAgo, last.daysAgo) }
              : {}),
        }
      : undefined;
  return {
    ...base,
    patient: { ...previous.patient, ageYears: patient.ageYears, sex: patient.sex },
    ...(previous.pain ? { pain: previous.pain } : {}),
    ...(previous.screening ? { screening: previous.screening } : {}),
    conditions: previous.conditions ?? [],
    ...(previous.labs ? { labs: previous.labs } : {}),
    treatments,
    medications: reconciledMedications(previous.medications, last.medicationOrders),
    ...(opioidSafety ? { opioidSafety } : {}),
    coverage: { ...previous.coverage, ptVisitLimit },
  };
}
