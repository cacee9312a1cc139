import type { AssessmentInput, Medication } from "@/lib/ladder/assessment-schema";
import { mmeItemText, mmeOfMedication } from "@/lib/ladder/mme";
import type { Recommendation } from "@/lib/ladder/recommendation";
import type { EncounterOrder } from "./encounter-dto";
import { reconciledMedications, sigText, storedMedicationOrder } from "./visit-orders";

// What a signed visit assessed, in the record's words: every figure taken from the recommendation stored at signing
// (scores, MME) or from the same functions the engine uses, so the record never disagrees with the panel.

export type SummaryRow = { label: string; value: string };
export type MedicineLine = { drug: string; sig: string; mme: string | null };
export type SignedSummary = {
  assessed: SummaryRow[];
  medicines: { before: MedicineLine[]; after: MedicineLine[]; mmeBefore: string; mmeAfter: string };
};

const yesNo = (value: boolean | undefined) => (value === undefined ? "not recorded" : value ? "yes" : "no");
const list = (values: readonly string[] | undefined, none: string) => (values?.length ? values.join(", ") : none);
const daysAgo = (days: number | null | undefined) => (days === undefined ? "not recorded" : days === null ? "never / unknown" : days === 0 ? "today" : `${days} days ago`);

// Records signed before contract 1.1 stored no "before" total.
function mmeText(perDay: number | null | undefined, floor?: number): string {
  if (perDay === undefined) return "not recorded at signing";
  if (perDay === null) return floor === undefined ? "MME not computable" : `MME not computable (at least ${floor})`;
  return `${perDay} MME/day`;
}

function medicineLine(medication: Medication): MedicineLine {
  const item = mmeOfMedication(medication);
  const mme = item === null ? null : mmeItemText(item);
  return { drug: medication.indication === "opioid-use-disorder" ? `${medication.drug} (for opioid use disorder)` : medication.drug, sig: sigText(medication), mme };
}

export function signedSummary(assessment: Partial<AssessmentInput>, recommendation: Recommendation, orders: readonly Pick<EncounterOrder, "kind" | "medicationAction" | "detail">[]): SignedSummary {
  const { classification: c, mme } = recommendation;
  const pain = assessment.pain;
  const safety = assessment.opioidSafety;
  const assessed: SummaryRow[] = [
    { label: "Pain", value: pain ? `${pain.durationWeeks} weeks, ${pain.intensity}/10 (${c.chronicity})` : "not recorded" },
    { label: "Pattern", value: pain ? [pain.distribution ?? "back-only", c.radicular ? "radicular" : null, pain.directionalPreference ? `${pain.directionalPreference} preference` : null].filter(Boolean).join(", ") : "not recorded" },
    { label: "Worse with", value: list(pain?.aggravatedBy, "none recorded") },
    { label: "Red flags asked", value: list(assessment.redFlags, "none present") },
    { label: "STarT Back", value: c.startBack ? `${c.startBack.total}/9, psychosocial ${c.startBack.psychosocial}/5, ${c.startBack.risk} risk` : "not done" },
    { label: "PEG", value: c.peg === undefined ? "not done" : `${c.peg}/10` },
    { label: "Oswestry", value: c.odiPercent === undefined ? "not done" : `${c.odiPercent}%` },
    { label: "PHQ-2", value: c.phq2 ? `${c.phq2.score}/6${c.phq2.positive ? ", positive" : ""}` : "not done" },
    { label: "GAD-2", value: c.gad2 ? `${c.gad2.score}/6${c.gad2.positive ? ", positive" : ""}` : "not done" },
    { label: "Conditions", value: list(assessment.conditions, "none recorded") },
    { label: "eGFR", value: assessment.labs?.egfr === undefined ? "not recorded" : `${assessment.labs.egfr} mL/min/1.73 m²` },
    { label: "Treatments", value: list(assessment.treatments?.map((t) => [t.therapy, t.status, t.weeks !== undefined ? `${t.weeks} wk` : null, t.adherencePercent !== undefined ? `${t.adherencePercent}% adherence` : null, t.response ? `response ${t.response}` : null].filter(Boolean).join(" ")), "none recorded") },
    { label: "Naloxone on hand", value: yesNo(safety?.naloxoneOnHand) },
    { label: "PDMP checked", value: daysAgo(safety?.pdmpReviewedDaysAgo) },
    { label: "Urine drug test", value: daysAgo(safety?.urineDrugTestDaysAgo) },
  ];
  const before = assessment.medications ?? [];
  const after = reconciledMedications(before, orders.filter((o) => o.kind === "medication").map(storedMedicationOrder));
  return {
    assessed,
    medicines: {
      before: before.map(medicineLine),
      after: after.map(medicineLine),
      mmeBefore: mmeText(mme.currentPerDay),
      mmeAfter: mmeText(mme.totalPerDay, mme.computedPerDay),
    },
  };
}
