import type { AssessmentInput, Medication } from "../../lib/ladder/assessment-schema";
import { seededRandom } from "../../lib/seeded-random";
import { CONDITIONS, DRUGS, MOUD_DRUGS, ORDER_ACTIONS, RED_FLAGS, RESPONSES, THERAPIES, TREATMENT_STATUSES } from "../../lib/ladder/vocabulary";

// Varied, valid Assessments from a seeded generator: the same seed always gives the same list.

export function generateAssessments(count: number, seed = 7): AssessmentInput[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const some = <T>(items: readonly T[], chance: number, max: number): T[] => {
    const out: T[] = [];
    while (random() < chance && out.length < max) out.push(pick(items));
    return out;
  };
  return Array.from({ length: count }, () => ({
    profile: random() < 0.7 ? "us" : "uk",
    asOf: "2026-11-27",
    patient: { ageYears: 18 + Math.floor(random() * 80), employment: pick(["working", "not-working", "retired", "unknown"] as const), ...(random() < 0.05 ? { pregnant: true } : {}) },
    pain: {
      durationWeeks: Math.floor(random() * 120),
      intensity: Math.floor(random() * 11),
      distribution: pick(["back-only", "above-knee", "below-knee"] as const),
      ...(random() < 0.5 ? { radicular: random() < 0.4 } : {}),
      ...(random() < 0.3 ? { localized: true } : {}),
      aggravatedBy: some(["flexion", "extension", "sitting", "standing", "walking", "lifting"] as const, 0.5, 3),
      ...(random() < 0.5 ? { directionalPreference: pick(["extension", "flexion", "lateral-shift", "none"] as const) } : {}),
    },
    redFlags: random() < 0.15 ? some(RED_FLAGS, 0.6, 3) : [],
    screening: {
      ...(random() < 0.7 ? { startBack: Array.from({ length: 9 }, () => (random() < 0.45 ? 1 : 0)) } : {}),
      ...(random() < 0.6 ? { peg: [pick([2, 5, 7, 9]), pick([3, 6, 8]), pick([1, 4, 7])] } : {}),
      ...(random() < 0.3 ? { odi: Array.from({ length: 10 }, () => (random() < 0.1 ? null : Math.floor(random() * 6))) } : {}),
      ...(random() < 0.3 ? { phq2: [Math.floor(random() * 4), Math.floor(random() * 4)] } : {}),
    },
    conditions: some(CONDITIONS, 0.3, 3),
    ...(random() < 0.2 ? { labs: { egfr: 15 + Math.floor(random() * 100) } } : {}),
    treatments: Array.from({ length: Math.floor(random() * 4) }, () => ({
      therapy: pick(THERAPIES),
      status: pick(TREATMENT_STATUSES),
      ...(random() < 0.8 ? { weeks: Math.floor(random() * 16) } : {}),
      ...(random() < 0.5 ? { adherencePercent: Math.floor(random() * 101) } : {}),
      ...(random() < 0.8 ? { response: pick(RESPONSES) } : {}),
    })),
    ...withOrders(random, pick, Array.from({ length: random() < 0.35 ? 1 + Math.floor(random() * 3) : 0 }, () => medication(random, pick))),
    ...(random() < 0.3 ? { opioidSafety: { naloxoneOnHand: random() < 0.5, pdmpReviewedDaysAgo: random() < 0.3 ? null : Math.floor(random() * 200), urineDrugTestDaysAgo: Math.floor(random() * 500) } } : {}),
    ...(random() < 0.4 ? { coverage: { ptVisitsUsedThisYear: Math.floor(random() * 25), ptVisitLimit: 20 } } : {}),
  }));
}

type Pick = <T>(items: readonly T[]) => T;

function medication(random: () => number, pick: Pick): Medication {
  const drug = pick(DRUGS);
  return {
    drug,
    ...(random() < 0.9 ? { doseMg: pick([2, 5, 10, 20, 50, 100, 500]) } : {}),
    ...(random() < 0.9 ? { dosesPerDay: pick([1, 2, 3, 4, 6]) } : {}),
    ...(random() < 0.1 ? { form: "patch" as const, mcgPerHour: pick([12, 25, 50]) } : {}),
    ...(random() < 0.2 ? { prn: true } : {}),
    ...((MOUD_DRUGS as readonly string[]).includes(drug) && random() < 0.4 ? { indication: "opioid-use-disorder" as const } : {}),
  };
}

/** The medication list and, for about a quarter of visits, this visit's orders: renewals, changes and stops of what is taken, and new medicines. */
function withOrders(random: () => number, pick: Pick, medications: Medication[]): { medications: Medication[]; orders?: AssessmentInput["orders"] } {
  if (random() >= 0.25) return { medications };
  const drugs = medications.map((m) => m.drug);
  const sigFor = (m: Medication): Medication => {
    const { indication: _indication, ...sig } = medication(random, pick);
    return { ...sig, drug: m.drug, ...(m.form ? { form: m.form } : {}) };
  };
  const onCurrent = new Set(drugs).size === drugs.length ? medications.filter(() => random() < 0.6).map((m) => ({ action: pick(ORDER_ACTIONS), medication: sigFor(m) })) : [];
  const added = random() < 0.5 ? [medication(random, pick)].filter((m) => !drugs.includes(m.drug)).map((m) => ({ action: "new" as const, medication: m })) : [];
  return { medications, orders: [...onCurrent, ...added] };
}
