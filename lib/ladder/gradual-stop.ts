import { cite, type EvidenceRef } from "./recommendation";
import { drugClass, type DrugId, type TherapyId } from "./vocabulary";

// Medicines that bring withdrawal when ended at once after regular use, and what to do instead. The engine's
// stop-gradually rule and the visit page's reconciliation note both read this one list.

export type GradualStop = { why: string; evidence: EvidenceRef };

const BENZODIAZEPINE: GradualStop = {
  why: "after regular use, ending a benzodiazepine at once can bring severe withdrawal, seizures included: reduce it gradually over weeks to months, agreed with the patient, more slowly as the dose gets low",
  evidence: cite("fda-2020-benzodiazepine-boxed-warning", "Ending a benzodiazepine abruptly, or reducing it quickly, after continued use can cause acute withdrawal reactions, which can be life-threatening; taper gradually."),
};
const DULOXETINE: GradualStop = {
  why: "ending duloxetine at once often brings withdrawal symptoms (dizziness, nausea, headache, irritability, nightmares): reduce the dose gradually",
  evidence: cite("duloxetine-label", "Discontinuation symptoms follow an abrupt stop; reduce the dose gradually rather than stopping it at once whenever possible."),
};
const ANTIDEPRESSANT: GradualStop = {
  why: "ending an antidepressant at once after regular use can bring withdrawal symptoms (dizziness, nausea, anxiety, poor sleep, electric-shock sensations): reduce the dose in steps over weeks, more slowly after long use, and agree the plan with the prescriber",
  evidence: cite("nice-ng215", "Antidepressants can cause withdrawal symptoms: when one is to end, agree a plan to reduce it gradually, in steps the person can manage, rather than stopping it at once."),
};
const GABAPENTIN: GradualStop = {
  why: "ending gabapentin at once can bring withdrawal (anxiety, sleeplessness, sweating, pain) and, with a seizure disorder, seizures: reduce it over at least a week",
  evidence: cite("gabapentin-label", "When the dose is reduced, the drug stopped or another substituted, do it gradually over a minimum of 1 week."),
};
const PREGABALIN: GradualStop = {
  why: "ending pregabalin at once can bring withdrawal (sleeplessness, nausea, headache, anxiety, sweating, diarrhoea) and, with a seizure disorder, seizures: reduce it over at least a week",
  evidence: cite("pregabalin-label", "Withdrawal symptoms follow an abrupt stop; taper gradually over a minimum of 1 week."),
};
const SLEEPING_PILL: GradualStop = {
  why: "after nightly use, ending a Z-drug sleeping pill at once can bring rebound insomnia and withdrawal symptoms (anxiety, shakiness, sweating): reduce it gradually",
  evidence: cite("nice-ng215", "Z-drugs can cause withdrawal symptoms: when one is to end after regular use, agree a plan to reduce it gradually rather than stopping it at once."),
};

/** What ending the medicine at once risks and what to do instead, or null when it can simply end. */
export function gradualStop(drug: DrugId): GradualStop | null {
  switch (drugClass(drug)) {
    case "benzodiazepine":
      return BENZODIAZEPINE;
    case "snri":
      return drug === "duloxetine" ? DULOXETINE : ANTIDEPRESSANT;
    case "ssri":
    case "tricyclic":
      return ANTIDEPRESSANT;
    case "gabapentinoid":
      return drug === "gabapentin" ? GABAPENTIN : PREGABALIN;
    case "sedative-hypnotic":
      return SLEEPING_PILL;
    default:
      return null;
  }
}

/** The treatment whose recorded weeks say how long the medicine has been taken, where the vocabulary has one. */
export function courseTherapy(drug: DrugId): TherapyId | null {
  if (drug === "duloxetine") return "duloxetine";
  const cls = drugClass(drug);
  return cls === "benzodiazepine" || cls === "gabapentinoid" || cls === "tricyclic" ? cls : null;
}
