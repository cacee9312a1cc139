import type { AssessmentInput } from "@/lib/ladder/assessment-schema";
import { drugClass, DRUGS, type DrugClass, type DrugId } from "@/lib/ladder/vocabulary";

// What a clinic needs from the referring visit to book and bill: diagnosis codes read off the visit's findings, and
// why each medicine matters to therapy. The codes are suggestions for the clinic's claim, named as such: the
// referring doctor's own coding, where it differs, wins.

export type Diagnosis = { code: string; display: string };

/** ICD-10-CM codes the referring visit's findings support: nerve-root involvement or low back pain, and chronic pain. */
export function referralDiagnoses(assessment: Partial<AssessmentInput>): Diagnosis[] {
  const pain = assessment.pain;
  const radicular = pain?.radicular ?? pain?.distribution === "below-knee";
  const codes: Diagnosis[] = [radicular ? { code: "M54.16", display: "Radiculopathy, lumbar region" } : { code: "M54.50", display: "Low back pain, unspecified" }];
  if (pain?.durationWeeks !== undefined && pain.durationWeeks > 12) codes.push({ code: "G89.29", display: "Other chronic pain" });
  return codes;
}

const SEDATING = "sedating: watch balance and falls during exercise";
const RELEVANCE: Partial<Record<DrugClass, string>> = {
  opioid: SEDATING,
  benzodiazepine: SEDATING,
  gabapentinoid: SEDATING,
  "muscle-relaxant": SEDATING,
  "sedative-hypnotic": SEDATING,
  corticosteroid: "long courses weaken bone: care with loading and manual therapy",
  nsaid: "pain relief may mask overload: progress by the plan, not by pain alone",
};

/** Why a medicine matters to a physical therapist, or null when it does not change the therapy. */
export function therapyRelevance(drug: string): string | null {
  return (DRUGS as readonly string[]).includes(drug) ? (RELEVANCE[drugClass(drug as DrugId)] ?? null) : null;
}

/** Conditions the clinic must know before hands-on treatment. */
export function therapyPrecautions(assessment: Partial<AssessmentInput>): string[] {
  const conditions = assessment.conditions ?? [];
  return [
    conditions.includes("anticoagulant-use") ? "Takes an anticoagulant: bruising and bleeding risk with manual therapy" : null,
    conditions.includes("osteoporosis") || assessment.redFlags?.includes("osteoporosis") ? "Osteoporosis: avoid high-velocity manipulation and loaded spinal flexion" : null,
    conditions.includes("fall-risk") ? "At risk of falls" : null,
    assessment.patient?.pregnant ? "Pregnant" : null,
  ].filter((p): p is string => p !== null);
}
