import type { BaseFacts } from "./facts";
import { cite, type EvidenceRef } from "./recommendation";

// What makes a medication on the ladder unsafe for this person. "absolute": not to be used; "relative": not for
// the regular, long-term use chronic pain would need (Beers, KDIGO), though a short course may still be judged.

export type Contraindication = { reason: string; absolute: boolean; evidence: EvidenceRef };

export const NSAID_AGE_CAUTION = 65;
const EGFR_AVOID = 30;
const EGFR_LONG_TERM_AVOID = 60;

export function nsaidContraindications(facts: BaseFacts): Contraindication[] {
  const { conditions } = facts;
  const { patient, labs } = facts.assessment;
  const found: Contraindication[] = [];
  const add = (when: boolean, reason: string, absolute: boolean, evidence: EvidenceRef) => {
    if (when) found.push({ reason, absolute, evidence });
  };
  const kidney = cite("kdigo-2024-ckd", "Avoid prolonged NSAID use in chronic kidney disease; avoid NSAIDs altogether at an eGFR below 30.");
  add(conditions.has("ckd"), "chronic kidney disease", true, kidney);
  add(labs.egfr !== undefined && labs.egfr < EGFR_AVOID, `eGFR ${labs.egfr} (below ${EGFR_AVOID})`, true, kidney);
  add(labs.egfr !== undefined && labs.egfr >= EGFR_AVOID && labs.egfr < EGFR_LONG_TERM_AVOID && !conditions.has("ckd"), `eGFR ${labs.egfr} (below ${EGFR_LONG_TERM_AVOID})`, false, kidney);
  const gi = cite("acg-2009-nsaid-ulcer", "A previous ulcer or GI bleed is the strongest risk factor for NSAID ulcer complications; anticoagulants multiply the risk.");
  add(conditions.has("gi-bleed-history"), "history of GI bleeding", true, gi);
  add(conditions.has("peptic-ulcer"), "peptic ulcer", true, gi);
  add(conditions.has("anticoagulant-use"), "anticoagulant use (bleeding risk)", true, gi);
  const heart = cite("fda-2015-nsaid-cv", "Non-aspirin NSAIDs raise the risk of heart attack, stroke and heart failure, more so with heart disease.");
  add(conditions.has("heart-failure"), "heart failure", true, heart);
  add(conditions.has("cardiovascular-disease"), "cardiovascular disease", false, heart);
  add(patient.pregnant === true, "pregnancy", true, cite("fda-2020-nsaid-pregnancy", "Avoid NSAIDs from 20 weeks of pregnancy; they can cause low amniotic fluid and fetal kidney problems."));
  add(
    patient.ageYears >= NSAID_AGE_CAUTION,
    `age ${patient.ageYears} (${NSAID_AGE_CAUTION} or over)`,
    false,
    cite("beers-2023", "Avoid chronic NSAID use in adults 65 and over unless alternatives fail and a gastroprotective agent can be taken."),
  );
  return found;
}

export function duloxetineContraindications(facts: BaseFacts): Contraindication[] {
  const label = cite("duloxetine-label", "Avoid duloxetine in hepatic impairment and in severe renal impairment (creatinine clearance below 30 mL/min).");
  const found: Contraindication[] = [];
  if (facts.conditions.has("hepatic-impairment")) found.push({ reason: "hepatic impairment", absolute: true, evidence: label });
  const egfr = facts.assessment.labs.egfr;
  if (egfr !== undefined && egfr < EGFR_AVOID) found.push({ reason: `eGFR ${egfr} (below ${EGFR_AVOID})`, absolute: true, evidence: label });
  if (facts.assessment.patient.pregnant === true) {
    found.push({ reason: "pregnancy", absolute: false, evidence: cite("duloxetine-label", "In pregnancy use duloxetine only if the benefit justifies the risk; exposure near delivery raises the risk of postpartum haemorrhage and neonatal complications.") });
  }
  if (facts.conditions.has("fall-risk")) {
    found.push({ reason: "fall risk", absolute: false, evidence: cite("beers-2023", "Avoid SNRIs and other antidepressants in older adults with a history of falls unless safer alternatives are not available.") });
  }
  return found;
}

export const describeReasons = (found: Contraindication[]) => found.map((c) => c.reason).join(", ");
