import type { Assessment, Medication, MedicationOrder } from "@/lib/ladder/assessment-schema";
import type { Recommendation } from "@/lib/ladder/recommendation";
import { deriveFacts } from "@/lib/ladder/facts";
import { drugClass, NON_DRUG_THERAPIES, type DrugId, type TherapyId } from "@/lib/ladder/vocabulary";

// What a signed encounter contributes to the auditors' measures, read off the signed record: the assessment as
// signed (the medications the patient was already taking), the orders placed, the decisions taken and the
// recommendation shown. Pure, so a fact can always be re-derived.

/**
 * Which derivation wrote a fact. 1: MME as the signed recommendation showed it. 2: MME of the list the visit left
 * (the medication orders reconciled with it, a renewal counted once), which corrects records signed before
 * reconciliation that showed a renewed medicine twice; for any record since, the two are the same number.
 */
export const FACT_DERIVATION = 2;

/** An order as the measures read it; a medication order's action says what it did to the list, its detail is the sig. */
export type FactOrder = { kind: string; code: string; medicationAction?: MedicationOrder["action"] | null; detail?: unknown };
export type FactDecision = { target: string; itemKey: string; response: string };

export type EncounterFacts = {
  ageYears: number;
  chronic: boolean;
  redFlag: boolean;
  cancerHistory: boolean;
  ladderSuspended: boolean;
  opioidListed: boolean;
  opioidOrdered: boolean;
  opioidCourseWeeks: number | null;
  oudBuprenorphineOnly: boolean;
  benzodiazepine: boolean;
  mmeTotal: number | null;
  mmeComputed: number;
  naloxoneOnHand: boolean | null;
  pdmpDaysAgo: number | null;
  urineDrugTestDaysAgo: number | null;
  nonDrugHistory: boolean;
  nonDrugCurrent: boolean;
  nonDrugStarted: boolean;
  imagingOrdered: boolean;
};

// Bed rest is recorded as a non-drug therapy, but it harms: it is never a step of the ladder.
const NON_DRUG_STEPS: ReadonlySet<TherapyId> = new Set(NON_DRUG_THERAPIES.filter((therapy) => therapy !== "bed-rest"));
const NON_DRUG_REFERRALS: ReadonlySet<string> = new Set(["multidisciplinary-rehabilitation", "psychological-therapy"]);
const OPIOID_COURSES: ReadonlySet<TherapyId> = new Set(["opioid", "tramadol"]);

export function encounterFacts(assessment: Assessment, recommendation: Recommendation, orders: readonly FactOrder[], decisions: readonly FactDecision[]): EncounterFacts {
  const before = deriveFacts(assessment);
  const orderedDrugs = orders.filter((order) => order.kind === "medication" && (order.medicationAction ?? "new") === "new").map((order) => order.code as DrugId);
  const ordered = (kind: string) => orders.some((order) => order.kind === kind);
  const opioidDrugs = [...before.opioidMeds.map((m) => m.drug), ...orderedDrugs.filter((drug) => drugClass(drug) === "opioid")];
  const opioidCourse = assessment.treatments.find((t) => OPIOID_COURSES.has(t.therapy) && t.status === "current");
  const suggested = new Map(recommendation.next.map((s) => [s.id, s.therapy]));
  const acceptedNonDrug = decisions.some(
    (d) => d.target === "suggestion" && d.response === "accepted" && NON_DRUG_STEPS.has(suggested.get(d.itemKey) as TherapyId),
  );
  const { opioidSafety } = assessment;
  const medicationOrders = orders.flatMap((order): MedicationOrder[] =>
    order.kind === "medication" && order.detail ? [{ action: order.medicationAction ?? "new", medication: order.detail as Medication }] : [],
  );
  const { mme } = medicationOrders.length ? deriveFacts({ ...assessment, orders: medicationOrders }) : before;
  return {
    ageYears: assessment.patient.ageYears,
    chronic: recommendation.classification.chronicity === "chronic",
    redFlag: assessment.redFlags.length > 0,
    cancerHistory: assessment.redFlags.includes("cancer-history"),
    ladderSuspended: recommendation.ladder.suspended,
    opioidListed: before.onOpioid,
    opioidOrdered: orderedDrugs.some((drug) => drugClass(drug) === "opioid"),
    opioidCourseWeeks: opioidCourse?.weeks ?? null,
    oudBuprenorphineOnly:
      before.conditions.includes("opioid-use-disorder") && opioidDrugs.length > 0 && opioidDrugs.every((drug) => drug === "buprenorphine"),
    benzodiazepine: before.onBenzodiazepine || orderedDrugs.some((drug) => drugClass(drug) === "benzodiazepine"),
    mmeTotal: mme.totalPerDay,
    mmeComputed: mme.computedPerDay,
    // Naloxone prescribed or a urine drug test ordered at this visit counts as done.
    naloxoneOnHand: ordered("naloxone") ? true : (opioidSafety.naloxoneOnHand ?? null),
    pdmpDaysAgo: opioidSafety.pdmpReviewedDaysAgo ?? null,
    urineDrugTestDaysAgo: ordered("urine_drug_test") ? 0 : (opioidSafety.urineDrugTestDaysAgo ?? null),
    nonDrugHistory: assessment.treatments.some((t) => NON_DRUG_STEPS.has(t.therapy)),
    nonDrugCurrent: assessment.treatments.some((t) => NON_DRUG_STEPS.has(t.therapy) && t.status === "current"),
    nonDrugStarted:
      acceptedNonDrug || orders.some((order) => order.kind === "pt_referral" || (order.kind === "specialist_referral" && NON_DRUG_REFERRALS.has(order.code))),
    imagingOrdered: orders.some((order) => order.kind === "imaging"),
  };
}
