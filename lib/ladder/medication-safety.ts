import type { BaseFacts, Facts } from "./facts";
import { cite, type EvidenceRef } from "./recommendation";
import { drugClass, type DrugId } from "./vocabulary";
import { inWords } from "./wording";

// What makes a medicine on the ladder unsafe, or usable only with care, for this person. "absolute": not to be used
// (the ladder moves past it); otherwise a caution: it may be used, with the advice given (ACP 2017 rec. 3 and Beers
// 2023: lowest dose, shortest time, stomach protection where indicated).

/** `cause`: the other medicine that makes it unsafe, when it is a drug interaction. */
export type Contraindication = { reason: string; absolute: boolean; advice: string; evidence: EvidenceRef; cause?: DrugId };

/** Beers 2023 applies from 65: the age at which NSAIDs, duloxetine, gabapentinoids and sedatives need care. */
export const OLDER_ADULT_AGE = 65;
const EGFR_AVOID = 30;
const EGFR_CAUTION = 60;

const KIDNEY_AVOID = cite("kdigo-2024-ckd", "Avoid NSAIDs at an eGFR below 30 mL/min/1.73 m².");
const KIDNEY_CAUTION = cite("kdigo-2024-ckd", "In chronic kidney disease avoid prolonged NSAID use; a short course needs kidney function monitoring and no diuretic or RAAS-blocker combination.");
const GI = cite("acg-2009-nsaid-ulcer", "A previous ulcer or GI bleed is the strongest risk factor for NSAID ulcer complications; anticoagulants multiply the risk.");
const HEART = cite("fda-2015-nsaid-cv", "Non-aspirin NSAIDs raise the risk of heart attack, stroke and heart failure, more so with heart disease.");
const HEART_FAILURE = cite("beers-2023", "Avoid NSAIDs in heart failure: they cause fluid retention and worsen it.");
const PREGNANCY = cite("fda-2020-nsaid-pregnancy", "Avoid NSAIDs from 20 weeks of pregnancy; they can cause low amniotic fluid and fetal kidney problems. Other medicines, such as acetaminophen, are available to treat pain during pregnancy.");
const OLDER = cite("beers-2023", "In adults 65 and over avoid chronic NSAID use unless alternatives are not effective and the patient can take a gastroprotective agent; use the lowest dose for the shortest time.");
const KIDNEY_CAUTION_ADVICE = "a short course at the lowest dose; check eGFR and potassium within 1-2 weeks; not with a diuretic, ACE inhibitor or ARB";

export function nsaidContraindications(facts: BaseFacts): Contraindication[] {
  const { conditions } = facts;
  const { patient, labs } = facts.assessment;
  const egfr = labs.egfr;
  const found: Contraindication[] = [];
  if (egfr !== undefined && egfr < EGFR_AVOID) found.push({ reason: `eGFR ${egfr} (below ${EGFR_AVOID})`, absolute: true, advice: "use a non-NSAID option", evidence: KIDNEY_AVOID });
  else if (egfr !== undefined && egfr < EGFR_CAUTION) found.push({ reason: `eGFR ${egfr} (below ${EGFR_CAUTION})`, absolute: false, advice: KIDNEY_CAUTION_ADVICE, evidence: KIDNEY_CAUTION });
  else if (conditions.includes("ckd")) {
    found.push({ reason: egfr === undefined ? "chronic kidney disease (eGFR not recorded)" : "chronic kidney disease", absolute: false, advice: `${egfr === undefined ? "check eGFR first (below 30 rules NSAIDs out); then " : ""}${KIDNEY_CAUTION_ADVICE}`, evidence: KIDNEY_CAUTION });
  }
  if (conditions.includes("gi-bleed-history")) found.push({ reason: "history of GI bleeding", absolute: true, advice: "use a non-NSAID option", evidence: GI });
  if (conditions.includes("peptic-ulcer")) found.push({ reason: "peptic ulcer", absolute: true, advice: "use a non-NSAID option", evidence: GI });
  if (conditions.includes("anticoagulant-use")) found.push({ reason: "anticoagulant use (bleeding risk)", absolute: true, advice: "use a non-NSAID option", evidence: GI });
  if (conditions.includes("heart-failure")) found.push({ reason: "heart failure", absolute: true, advice: "use a non-NSAID option", evidence: HEART_FAILURE });
  if (patient.pregnant === true) found.push({ reason: "pregnancy", absolute: true, advice: "use a non-NSAID option", evidence: PREGNANCY });
  if (conditions.includes("cardiovascular-disease")) {
    found.push({ reason: "cardiovascular disease", absolute: false, advice: "the lowest dose for the shortest time; check blood pressure and review within 2-4 weeks", evidence: HEART });
  }
  if (patient.ageYears >= OLDER_ADULT_AGE) {
    found.push({ reason: `age ${patient.ageYears} (${OLDER_ADULT_AGE} or over)`, absolute: false, advice: "the lowest dose for the shortest time; add a proton-pump inhibitor; check kidney function and blood pressure", evidence: OLDER });
  }
  return found;
}

const LABEL = cite("duloxetine-label", "Avoid duloxetine in hepatic impairment and in severe renal impairment (creatinine clearance below 30 mL/min).");
const SEROTONIN = cite("tramadol-label", "Serotonin syndrome can occur when tramadol is taken with SNRIs, SSRIs or tricyclics; tramadol also lowers the seizure threshold, more so with these antidepressants.");
const SEROTONIN_OPIOID = cite("fda-2016-opioid-serotonin", "Opioids with serotonergic activity (tapentadol and methadone among them) can cause serotonin syndrome with serotonergic antidepressants; watch for it when starting or raising either drug.");
const DULOXETINE_PREGNANCY = cite("duloxetine-label", "In pregnancy use duloxetine only if the benefit justifies the risk; exposure near delivery raises the risk of postpartum haemorrhage and neonatal complications.");
const DULOXETINE_FALLS = cite("beers-2023", "Avoid SNRIs and other antidepressants in older adults with a history of falls unless safer alternatives are not available.");
const DULOXETINE_SODIUM = cite("beers-2023", "SNRIs can cause hyponatraemia (SIADH) in older adults: check sodium when starting or changing the dose.");
const DULOXETINE_BLEEDING = cite("duloxetine-label", "SNRIs, duloxetine among them, raise the risk of bleeding, more so with aspirin, NSAIDs, warfarin or other anticoagulants.");
const DULOXETINE_INTERACTIONS = cite("duloxetine-label", "Duloxetine raises tricyclic levels (CYP2D6 inhibition) and adds to the serotonergic effect of other serotonergic drugs.");

/** A drug the visit is ordering is not yet taken: the reason says which it is. */
function takenOr(facts: BaseFacts, drugs: readonly DrugId[]): "ordered" | "taken" {
  return drugs.length && drugs.every((drug) => facts.ordersNew(drug)) ? "ordered" : "taken";
}

export function duloxetineContraindications(facts: BaseFacts & Pick<Facts, "nsaidContraindications">): Contraindication[] {
  const found: Contraindication[] = [];
  const egfr = facts.assessment.labs.egfr;
  if (facts.conditions.includes("hepatic-impairment")) found.push({ reason: "hepatic impairment", absolute: true, advice: "use another option", evidence: LABEL });
  if (egfr !== undefined && egfr < EGFR_AVOID) found.push({ reason: `eGFR ${egfr} (below ${EGFR_AVOID})`, absolute: true, advice: "use another option", evidence: LABEL });
  // Tramadol and tapentadol rule duloxetine out (serotonin syndrome; seizures with tramadol). Methadone is a caution: it
  // is often medication for opioid use disorder, where non-opioid options for pain matter most.
  for (const opioid of facts.serotonergicOpioids) {
    if (opioid === "methadone") continue;
    found.push({ reason: `${opioid} (serotonin syndrome${opioid === "tramadol" ? " and seizure" : ""} risk)`, absolute: true, advice: "do not add duloxetine to this opioid", evidence: opioid === "tramadol" ? SEROTONIN : SEROTONIN_OPIOID, cause: opioid });
  }
  if (facts.serotonergicOpioids.includes("methadone")) {
    found.push({
      reason: `methadone ${takenOr(facts, ["methadone"])} (serotonergic)`,
      absolute: false,
      advice: "duloxetine adds to methadone's serotonergic effect: start at 30 mg, tell the patient the signs of serotonin syndrome (agitation, tremor, sweating, fever, diarrhoea), review at 2 weeks, and let the methadone prescriber know",
      evidence: SEROTONIN_OPIOID,
    });
  }
  if (facts.medications.some((m) => m.drug === "venlafaxine")) found.push({ reason: "venlafaxine (another SNRI)", absolute: true, advice: "do not combine two SNRIs", evidence: DULOXETINE_INTERACTIONS, cause: "venlafaxine" });
  // Not started for back pain in pregnancy; one already taken is reviewed with obstetric input, not changed quickly.
  if (facts.assessment.patient.pregnant === true) found.push({ reason: "pregnancy", absolute: true, advice: "not started for back pain in pregnancy; review one already taken with obstetric input", evidence: DULOXETINE_PREGNANCY });
  if (facts.conditions.includes("fall-risk")) found.push({ reason: "fall risk", absolute: false, advice: "start at 30 mg, review dizziness and falls at 2 weeks", evidence: DULOXETINE_FALLS });
  const ssri = [...new Set(facts.medications.filter((m) => drugClass(m.drug) === "ssri").map((m) => m.drug))];
  if (ssri.length) found.push({ reason: `${inWords(ssri)} ${takenOr(facts, ssri)} (${ssri.length > 1 ? "SSRIs" : "an SSRI"})`, absolute: false, advice: `switch from ${inWords(ssri)} to duloxetine with its prescriber rather than adding it`, evidence: DULOXETINE_INTERACTIONS });
  if (facts.conditions.includes("anticoagulant-use")) {
    found.push({ reason: "anticoagulant use (bleeding risk)", absolute: false, advice: "duloxetine adds to the anticoagulant's bleeding risk: tell the patient which bleeding signs to report, and review at the first follow-up", evidence: DULOXETINE_BLEEDING });
  }
  if (facts.onNsaid) {
    // When the NSAID is itself unsafe, its own alert asks for it to be reviewed; the advice here must not read as leave to continue it.
    const nsaidUnsafe = facts.nsaidContraindications.some((c) => c.absolute);
    found.push({
      reason: `${inWords(facts.drugsOf("nsaid") ?? []) || "an NSAID"} ${takenOr(facts, facts.drugsOf("nsaid") ?? [])} (bleeding risk)`,
      absolute: false,
      advice: nsaidUnsafe
        ? "an NSAID with duloxetine raises the risk of stomach bleeding, and the NSAID is already unsafe for this patient: settle the NSAID with the patient first (see its alert)"
        : "an NSAID with duloxetine raises the risk of stomach bleeding: review with the patient whether the NSAID is still needed, and if it continues, consider stomach protection",
      evidence: DULOXETINE_BLEEDING,
    });
  }
  if (facts.medications.some((m) => m.drug === "amitriptyline")) found.push({ reason: `amitriptyline ${takenOr(facts, ["amitriptyline"])}`, absolute: false, advice: "duloxetine raises tricyclic levels: lower the amitriptyline dose and watch for serotonergic effects", evidence: DULOXETINE_INTERACTIONS });
  if (facts.assessment.patient.ageYears >= OLDER_ADULT_AGE) found.push({ reason: `age ${facts.assessment.patient.ageYears}`, absolute: false, advice: "check sodium within a month of starting", evidence: DULOXETINE_SODIUM });
  return found;
}

const GABAPENTINOID_RENAL = cite("beers-2023", "Gabapentin and pregabalin need a lower dose when creatinine clearance is below 60 mL/min (CNS adverse effects).");
const GABAPENTINOID_OLDER = cite("beers-2023", "Gabapentinoids cause dizziness, sedation and falls in older adults; avoid combining them with opioids.");
const GABAPENTINOID_BREATHING = cite("fda-2019-gabapentinoids", "Gabapentinoids can cause serious breathing difficulties in people with respiratory risk factors, in older adults and with other CNS depressants.");

/** Cautions for a gabapentinoid already taken (the ladder never suggests one). */
export function gabapentinoidCautions(facts: BaseFacts): Contraindication[] {
  const found: Contraindication[] = [];
  const egfr = facts.assessment.labs.egfr;
  if (egfr !== undefined && egfr < EGFR_CAUTION) found.push({ reason: `eGFR ${egfr}`, absolute: false, advice: "reduce the dose for kidney function", evidence: GABAPENTINOID_RENAL });
  else if (egfr === undefined && facts.conditions.includes("ckd")) found.push({ reason: "chronic kidney disease", absolute: false, advice: "check eGFR and reduce the dose if it is below 60", evidence: GABAPENTINOID_RENAL });
  if (facts.assessment.patient.ageYears >= OLDER_ADULT_AGE || facts.conditions.includes("fall-risk")) {
    found.push({ reason: facts.conditions.includes("fall-risk") ? "fall risk" : `age ${facts.assessment.patient.ageYears}`, absolute: false, advice: "the lowest dose that helps; ask about dizziness and falls", evidence: GABAPENTINOID_OLDER });
  }
  if (facts.conditions.includes("sleep-apnea")) found.push({ reason: "sleep apnea", absolute: false, advice: "watch for sedation and slowed breathing", evidence: GABAPENTINOID_BREATHING });
  return found;
}

/** Duloxetine taken: on the medication list, or recorded as a current treatment. */
export const takesDuloxetine = (facts: BaseFacts) => facts.takes("duloxetine") || facts.medications.some((m) => m.drug === "duloxetine");

export function describeReasons(found: readonly Contraindication[]): string {
  return inWords(found.map((c) => c.reason));
}
export const absolute = (found: readonly Contraindication[]) => found.filter((c) => c.absolute);
export const cautions = (found: readonly Contraindication[]) => found.filter((c) => !c.absolute);
