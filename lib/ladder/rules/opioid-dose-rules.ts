import { GRADUAL, MME_REFERENCE, mmeText, naloxoneAdvice, notOnOpioid, overdoseRisks } from "../opioid-risk";
import type { Facts } from "../facts";
import { cite, type EvidenceRef } from "../recommendation";
import { fired, insufficient, notFired, type Rule } from "../rule";
import { drugClass } from "../vocabulary";
import { inWords } from "../wording";

// The daily opioid dose in MME (CDC 2022), for opioids taken for pain. Medication for opioid use disorder is never
// counted: CDC's MME table says MME is not for decisions about it.


const NOT_COMPUTABLE_EVIDENCE = [cite("cdc-2022", "MME is computed from the daily dose and the CDC conversion factor for each opioid; without a daily dose it cannot be computed.")];

export const MME_NOT_COMPUTABLE_RULE: Rule = {
  id: "opioid.mme-not-computable",
  version: 2,
  title: "Opioid dose that cannot be converted to MME",
  cites: ["cdc-2022"],
  evaluate(facts, draft) {
    if (!facts.onOpioid) return notOnOpioid();
    if (facts.mme.computable) return notFired(`every opioid sig gives a daily dose: ${mmeText(facts)}`);
    const missing = facts.mme.items.filter((i) => !i.computable).map((i) => `${i.drug}: ${i.note}`);
    const reasons = missing.length ? missing.join("; ") : "opioid therapy recorded without a medication and sig";
    draft.alert({
      code: "mme-not-computable",
      severity: "warning",
      summary: "MME not computable: complete the opioid sig",
      detail: `The daily opioid dose cannot be worked out (${reasons}). The total is shown as unknown, not zero; thresholds are judged on the part that could be computed (${facts.mme.computedPerDay} MME/day).`,
      evidence: NOT_COMPUTABLE_EVIDENCE,
    });
    return fired(reasons);
  },
};

const MME_50_EVIDENCE = [cite("cdc-2022", "Recommendations 4 and 5: at about 50 MME/day and above overdose risk rises; reassess benefits and risks before any increase.")];
const MME_90_EVIDENCE = [
  cite("cdc-2022", "Recommendation 5: for patients already on higher doses, reassess benefits and risks, avoid escalation, and offer a gradual taper when risks outweigh benefits; do not insist on one."),
  cite("hhs-2019-tapering", "Dose reductions should be gradual, individualised and agreed with the patient; do not reduce quickly or insist on a taper when the opioid helps and risks are managed."),
];

const STARTING_DOSE_EVIDENCE = cite("cdc-2022", "Recommendation 4: when opioids are started for a patient who takes none, prescribe the lowest effective dosage; benefits rarely grow, and risks do, at higher doses.");

/**
 * What dose advice says: for a first opioid ordered at this visit, about the starting dose; outside the guidance's
 * scope, only the safety that applies to any opioid; in pregnancy, no reduction without specialists; otherwise the
 * advice for a dose already taken.
 */
function doseAdvice(facts: Facts, takenAdvice: string): string {
  const exclusion = facts.opioidGuidanceExclusion;
  if (exclusion) return `CDC 2022 dose guidance does not govern this pain (${exclusion}); plan the dose with the treating team, watch for sedation, and keep naloxone at home.`;
  if (facts.opioidStartedAtVisit) {
    return "This is a starting dose for someone who takes no opioid: a first opioid starts at the lowest effective dose, immediate-release. Weigh the dose with the patient before it is started, and prescribe naloxone with it.";
  }
  if (facts.assessment.patient.pregnant === true) {
    return `Do not increase. In pregnancy the dose is not reduced without obstetric and addiction or pain specialist input (see the pregnancy alert); ${naloxoneAdvice(facts)}.`;
  }
  return takenAdvice;
}

const withStartingDose = (facts: Facts, evidence: EvidenceRef[]) => (facts.opioidStartedAtVisit && !facts.opioidGuidanceExclusion ? [STARTING_DOSE_EVIDENCE, ...evidence] : evidence);

export const MME_50_RULE: Rule = {
  id: "opioid.mme-50",
  version: 7,
  title: "Opioid dose at or above 50 MME/day",
  cites: ["cdc-2022"],
  evaluate(facts, draft) {
    if (!facts.onOpioid) return notOnOpioid();
    if (facts.mme.computedPerDay < MME_REFERENCE.caution) {
      return facts.mme.computable ? notFired(`${mmeText(facts)} is below ${MME_REFERENCE.caution}`) : insufficient(`${mmeText(facts)}: the full dose is unknown`);
    }
    draft.alert({
      code: "mme-50",
      severity: "warning",
      summary: `${facts.opioidStartedAtVisit ? "Starting opioid dose" : "Opioid dose"} ${mmeText(facts)}: at or above ${MME_REFERENCE.caution}`,
      detail: `Overdose risk rises with dose. ${doseAdvice(facts, `Reassess benefits and risks with the patient, avoid increases, and ${naloxoneAdvice(facts)}. If risks come to outweigh benefits, or the patient wishes, offer a gradual reduction. ${GRADUAL}`)}`,
      evidence: withStartingDose(facts, MME_50_EVIDENCE),
    });
    return fired(`${mmeText(facts)} is at or above ${MME_REFERENCE.caution}`);
  },
};

export const MME_90_RULE: Rule = {
  id: "opioid.mme-90",
  version: 8,
  title: "Opioid dose at or above 90 MME/day",
  cites: ["cdc-2022", "hhs-2019-tapering"],
  evaluate(facts, draft) {
    if (!facts.onOpioid) return notOnOpioid();
    if (facts.mme.computedPerDay < MME_REFERENCE.high) {
      return facts.mme.computable ? notFired(`${mmeText(facts)} is below ${MME_REFERENCE.high}`) : insufficient(`${mmeText(facts)}: the full dose is unknown`);
    }
    const otherRisks = overdoseRisks(facts).filter((risk) => !risk.includes("MME"));
    const noNaloxone = facts.assessment.opioidSafety.naloxoneOnHand !== true;
    const critical = otherRisks.length > 0 || noNaloxone || facts.opioidStartedAtVisit;
    const chronicAdvice = `Do not increase. Reassess benefits and risks with the patient: offer a gradual taper when risks outweigh benefits or the patient wishes, and do not insist on one while the opioid helps and risks are managed. ${GRADUAL}`;
    draft.alert({
      code: "mme-90",
      severity: critical ? "critical" : "warning",
      summary: `${facts.opioidStartedAtVisit ? "High starting opioid dose" : "High opioid dose"}: ${mmeText(facts)} (at or above ${MME_REFERENCE.high})`,
      detail: `At 90 MME/day and above the risk of overdose is much higher${otherRisks.length ? `, and it is compounded here by ${inWords(otherRisks)}` : ""}${noNaloxone ? "; naloxone is not documented" : ""}. ${doseAdvice(facts, chronicAdvice)}`,
      evidence: withStartingDose(facts, MME_90_EVIDENCE),
    });
    return fired(`${mmeText(facts)} is at or above ${MME_REFERENCE.high}${critical ? ` (critical: ${otherRisks.length ? otherRisks.join(", ") : facts.opioidStartedAtVisit ? "a starting dose for someone who takes no opioid" : "no naloxone documented"})` : ""}`);
  },
};

const INCREASE_EVIDENCE = [
  cite("cdc-2022", "Recommendation 4: for subacute and chronic pain, avoid increasing the opioid dose where possible; weigh benefits and risks carefully before any increase, since benefit seldom grows with dose while overdose risk does, most of all from 50 MME/day."),
];

export const DOSE_INCREASE_RULE: Rule = {
  id: "opioid.dose-increase",
  version: 3,
  title: "An opioid dose raised by this visit's orders",
  cites: ["cdc-2022"],
  evaluate(facts, draft) {
    if (!facts.onOpioid) return notOnOpioid();
    if (!facts.assessment.orders.some((o) => drugClass(o.medication.drug) === "opioid")) return notFired("no opioid ordered at this visit");
    if (facts.opioidStartedAtVisit) return notFired("a first opioid ordered at this visit: judged as a starting dose, not an increase");
    const { currentPerDay, totalPerDay } = facts.mme;
    if (currentPerDay === null || totalPerDay === null) return insufficient("the MME before or after this visit's orders cannot be computed, so whether they raise the dose is unknown");
    if (totalPerDay <= currentPerDay) return notFired(`the orders do not raise the dose (${currentPerDay} to ${totalPerDay} MME/day)`);
    const exclusion = facts.opioidGuidanceExclusion;
    if (exclusion) return notFired(exclusion);
    const crossing = [MME_REFERENCE.high, MME_REFERENCE.caution].find((threshold) => currentPerDay < threshold && totalPerDay >= threshold);
    draft.alert({
      code: "opioid-dose-increase",
      severity: "warning",
      summary: `Opioid dose raised by this visit's orders: ${currentPerDay} to ${totalPerDay} MME/day`,
      detail: `The opioid dose is not raised where it can be avoided: benefit seldom grows with the dose, while the risk of overdose does${crossing ? `, and this takes it to ${crossing} MME/day or more` : ""}. Before raising it, reassess with the patient whether the opioid improves pain and function, look for a new cause of worse pain, and build up non-opioid care. If the increase still goes ahead, make it the smallest step that could help, review within 1-2 weeks, and ${naloxoneAdvice(facts)}.`,
      evidence: INCREASE_EVIDENCE,
    });
    return fired(`${currentPerDay} to ${totalPerDay} MME/day by this visit's orders${crossing ? ` (crossing ${crossing})` : ""}`);
  },
};
