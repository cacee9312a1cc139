import type { Facts } from "./facts";
import { notFired } from "./rule";

// What the opioid rules share: the dose as text, the overdose risk factors, and whether the opioid helps.

export const MME_REFERENCE = { caution: 50, high: 90 } as const;

export function mmeText(facts: Facts): string {
  const { mme } = facts;
  return mme.computable ? `${mme.totalPerDay} MME/day` : `at least ${mme.computedPerDay} MME/day (some doses could not be computed)`;
}

/**
 * What to say about naloxone where overdose risk is discussed: offer it when none is documented; when the patient has
 * it, check it rather than offer it again (CDC 2022 rec. 8).
 */
export function naloxoneAdvice(facts: Facts): string {
  return facts.assessment.opioidSafety.naloxoneOnHand === true ? "check that the naloxone at home is in date and the household knows how to use it" : "offer naloxone";
}

/** Any opioid, for pain or for opioid use disorder: what the combination and monitoring rules apply to. */
export const onAnyOpioid = (facts: Facts) => facts.onOpioid || facts.onMoud;
export const noOpioid = () => notFired("no opioid of any kind among the medications (after this visit's orders) or current treatments");
export const notOnOpioid = () => notFired("no opioid for pain among the medications (after this visit's orders) or current treatments");

/** Opioid use disorder, recorded as a condition or shown by its medication. */
export const hasOpioidUseDisorder = (facts: Facts) => facts.onMoud || facts.conditions.includes("opioid-use-disorder");

/** Overdose risk factors (CDC 2022 rec. 8 and 11), each as a short phrase. */
export function overdoseRisks(facts: Facts): string[] {
  const risks: string[] = [];
  if (facts.mme.computedPerDay >= MME_REFERENCE.caution) risks.push(mmeText(facts));
  if (facts.onBenzodiazepine) risks.push("a benzodiazepine");
  for (const drug of facts.sedatingDrugs) risks.push(drug.label);
  if (facts.conditions.includes("substance-use-disorder")) risks.push("substance use disorder");
  if (hasOpioidUseDisorder(facts)) risks.push("opioid use disorder");
  if (facts.conditions.includes("sleep-apnea")) risks.push("sleep apnea");
  return risks;
}

export type OpioidBenefit = { benefit: "good" | "partial" | "none" | "unknown"; because: string };

/** Whether the opioid helps, from the recorded opioid course; "unknown" when no adequate course says either way. */
export function opioidBenefit(facts: Facts): OpioidBenefit {
  const trial = facts.trials.get("opioid") ?? facts.trials.get("tramadol");
  if (!trial) return { benefit: "unknown", because: "no opioid course with its response recorded" };
  switch (trial.verdict) {
    case "responding":
      return { benefit: "good", because: trial.because };
    case "failed":
      return { benefit: trial.partial ? "partial" : "none", because: trial.because };
    case "not-tolerated":
      return { benefit: "none", because: trial.because };
    default:
      return { benefit: "unknown", because: trial.because };
  }
}

export const GRADUAL =
  "Any reduction is gradual and agreed with the patient (often about 10% of the dose a month after long-term use); fast reductions risk withdrawal, worse pain, overdose and suicide.";
