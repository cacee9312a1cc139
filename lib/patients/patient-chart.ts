import type { AssessmentInput, Medication, MedicationOrder } from "@/lib/ladder/assessment-schema";
import { reconciledMedications, sigText, storedMedicationOrder } from "@/lib/encounters/visit-orders";
import type { Recommendation } from "@/lib/ladder/recommendation";
import { chartSafety, type ChartOrder, type ChartSafety } from "./chart-safety";

// The chart a doctor reads at a glance: trends over signed visits, where the patient stands now, what was tried.

export type ChartPoint = { date: string; value: number | null };

export type PatientChart = {
  currentStep: { step: string; rationale: string; date: string } | null;
  pain: ChartPoint[];
  peg: ChartPoint[];
  mme: ChartPoint[];
  adherence: ChartPoint[];
  /** As recorded at the latest visit; `since` is the first signed visit that recorded the therapy. */
  treatments: { therapy: string; status: string; since: string; weeks: number | null; adherencePercent: number | null; response: string | null }[];
  medications: { drug: string; sig: string; mmePerDay: number | null }[];
  /** Opioid safety at a glance; null when there is no opioid and no taper. */
  safety: ChartSafety | null;
};

/** A signed visit as the chart reads it: the assessment, the orders signed with it, the recommendation shown. */
export type SignedVisit = { date: string; assessment: Partial<AssessmentInput>; orders: (ChartOrder & { medicationAction: MedicationOrder["action"] | null })[]; recommendation: Recommendation | null };

const mean = (values: readonly number[]) => Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;

export function buildPatientChart(visits: readonly SignedVisit[], today: string): PatientChart {
  const ordered = [...visits].sort((a, b) => a.date.localeCompare(b.date));
  const latest = ordered.at(-1);
  const adherenceOf = (assessment: Partial<AssessmentInput>) => {
    const known = (assessment.treatments ?? []).map((t) => t.adherencePercent).filter((a): a is number => a !== undefined);
    return known.length ? mean(known) : null;
  };
  const firstRecorded = new Map<string, string>();
  for (const visit of ordered) for (const t of visit.assessment.treatments ?? []) if (!firstRecorded.has(t.therapy)) firstRecorded.set(t.therapy, visit.date);
  return {
    currentStep: latest?.recommendation ? { step: latest.recommendation.ladder.step, rationale: latest.recommendation.ladder.rationale, date: latest.date } : null,
    pain: ordered.map((v) => ({ date: v.date, value: v.assessment.pain?.intensity ?? null })),
    peg: ordered.map((v) => ({ date: v.date, value: v.recommendation?.classification.peg ?? null })),
    mme: ordered.map((v) => ({ date: v.date, value: v.recommendation?.mme.totalPerDay ?? null })),
    adherence: ordered.map((v) => ({ date: v.date, value: adherenceOf(v.assessment) })),
    treatments: (latest?.assessment.treatments ?? []).map((t) => ({
      therapy: t.therapy,
      status: t.status,
      since: firstRecorded.get(t.therapy) ?? latest?.date ?? "",
      weeks: t.weeks ?? null,
      adherencePercent: t.adherencePercent ?? null,
      response: t.response ?? null,
    })),
    medications: medicinesLeftBy(latest),
    safety: chartSafety(ordered, today),
  };
}

/** What a signed visit left the patient on (its orders applied), beside the MME that visit showed for each. */
export function medicinesLeftBy(visit: SignedVisit | undefined): PatientChart["medications"] {
  const mmeShown = new Map((visit?.recommendation?.mme.items ?? []).map((item) => [item.drug, item.mmePerDay]));
  return reconciledMedications(visit?.assessment.medications as Medication[] | undefined, medicationOrders(visit)).map((m) => ({
    drug: m.drug,
    sig: [sigText(m), m.indication === "opioid-use-disorder" ? "for opioid use disorder (not counted in MME)" : null].filter(Boolean).join(" "),
    mmePerDay: mmeShown.get(m.drug) ?? null,
  }));
}

const medicationOrders = (visit: SignedVisit | undefined): MedicationOrder[] => (visit?.orders ?? []).filter((o) => o.kind === "medication").map(storedMedicationOrder);
