import type { Facts } from "../facts";
import { cite } from "../recommendation";
import { fired, insufficient, notFired, RANK, type Rule } from "../rule";

// Safety for people already taking opioids (CDC 2022). Nothing here starts an opioid, and nothing advises ending one
// quickly: every change of dose is a gradual, agreed reduction.

export const MME_REFERENCE = { caution: 50, high: 90 } as const;
export const PDMP_INTERVAL_DAYS = 90;
export const TOXICOLOGY_INTERVAL_DAYS = 365;

const GRADUAL = "Reduce gradually and by agreement (often about 10% a month for long-term therapy); fast reductions risk withdrawal, worse pain, overdose and suicide.";

const notOnOpioid = () => notFired("no opioid among current medications or treatments");

function mmeText(facts: Facts): string {
  const { mme } = facts;
  return mme.computable ? `${mme.totalPerDay} MME/day` : `at least ${mme.computedPerDay} MME/day (some doses could not be computed)`;
}

function overdoseRisks(facts: Facts): string[] {
  return [
    facts.mme.computedPerDay >= MME_REFERENCE.caution ? mmeText(facts) : null,
    facts.onBenzodiazepine ? "a benzodiazepine" : null,
    facts.conditions.has("substance-use-disorder") ? "substance use disorder" : null,
    facts.conditions.has("opioid-use-disorder") ? "opioid use disorder" : null,
    facts.conditions.has("sleep-apnea") ? "sleep apnea" : null,
  ].filter((risk): risk is string => risk !== null);
}

export const MME_NOT_COMPUTABLE_RULE: Rule = {
  id: "opioid.mme-not-computable",
  version: 1,
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
      evidence: [cite("cdc-2022", "MME is computed from the daily dose and the CDC conversion factor for each opioid; without a daily dose it cannot be computed.")],
    });
    return fired(reasons);
  },
};

export const MME_50_RULE: Rule = {
  id: "opioid.mme-50",
  version: 1,
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
      summary: `Opioid dose ${mmeText(facts)}: at or above ${MME_REFERENCE.caution}`,
      detail: `Overdose risk rises with dose. Reassess benefit and harm, avoid increases, offer naloxone, and consider a gradual reduction if benefit is not clear. ${GRADUAL}`,
      evidence: [cite("cdc-2022", "Recommendation 4 and 5: at about 50 MME/day and above, overdose risk rises; carefully reassess before any increase and weigh benefits against risks.")],
    });
    return fired(`${mmeText(facts)} is at or above ${MME_REFERENCE.caution}`);
  },
};

export const MME_90_RULE: Rule = {
  id: "opioid.mme-90",
  version: 1,
  title: "Opioid dose at or above 90 MME/day",
  cites: ["cdc-2022"],
  evaluate(facts, draft) {
    if (!facts.onOpioid) return notOnOpioid();
    if (facts.mme.computedPerDay < MME_REFERENCE.high) {
      return facts.mme.computable ? notFired(`${mmeText(facts)} is below ${MME_REFERENCE.high}`) : insufficient(`${mmeText(facts)}: the full dose is unknown`);
    }
    const otherRisks = overdoseRisks(facts).filter((risk) => !risk.includes("MME"));
    const critical = otherRisks.length > 0 || facts.assessment.opioidSafety.naloxoneOnHand !== true;
    draft.alert({
      code: "mme-90",
      severity: critical ? "critical" : "warning",
      summary: `High opioid dose: ${mmeText(facts)} (at or above ${MME_REFERENCE.high})`,
      detail: `At 90 MME/day and above, the risk of overdose is much higher${otherRisks.length ? `, and it is compounded here by ${otherRisks.join(", ")}` : ""}${facts.assessment.opioidSafety.naloxoneOnHand !== true ? "; naloxone is not documented" : ""}. Do not increase; agree a plan to reduce. ${GRADUAL}`,
      evidence: [
        cite("cdc-2022", "Recommendation 4 and 5: avoid increasing to 90 MME/day or more without careful justification; at such doses weigh a gradual taper."),
        cite("hhs-2019-tapering", "Dose reductions should be gradual, individualised and agreed with the patient."),
      ],
    });
    return fired(`${mmeText(facts)} is at or above ${MME_REFERENCE.high}${critical ? ` (critical: ${otherRisks.length ? otherRisks.join(", ") : "no naloxone documented"})` : ""}`);
  },
};

export const BENZODIAZEPINE_RULE: Rule = {
  id: "opioid.benzodiazepine",
  version: 1,
  title: "An opioid and a benzodiazepine together",
  cites: ["cdc-2022", "fda-2016-opioid-benzodiazepine"],
  evaluate(facts, draft) {
    if (!facts.onOpioid) return notOnOpioid();
    if (!facts.onBenzodiazepine) return notFired("no benzodiazepine among current medications or treatments");
    const benzodiazepines = facts.benzodiazepineMeds.map((m) => m.drug).join(", ") || "a benzodiazepine";
    draft.alert({
      code: "opioid-benzodiazepine",
      severity: "critical",
      summary: `Opioid with ${benzodiazepines}: high risk of fatal respiratory depression`,
      detail: `Together they multiply the risk of overdose death. Do not add either; offer naloxone; agree a plan to reduce one of them gradually (usually the benzodiazepine first), with the prescribers of both. ${GRADUAL}`,
      evidence: [
        cite("cdc-2022", "Recommendation 11: use particular caution prescribing opioids and benzodiazepines together; consider whether benefits outweigh risks and taper gradually."),
        cite("fda-2016-opioid-benzodiazepine", "Boxed warning: combined use can cause extreme sleepiness, slowed or difficult breathing, coma and death."),
      ],
    });
    return fired(`opioid taken with ${benzodiazepines}`);
  },
};

export const NALOXONE_RULE: Rule = {
  id: "opioid.naloxone",
  version: 1,
  title: "Naloxone where overdose risk is raised",
  cites: ["cdc-2022"],
  evaluate(facts, draft) {
    if (!facts.onOpioid) return notOnOpioid();
    const risks = overdoseRisks(facts);
    const onHand = facts.assessment.opioidSafety.naloxoneOnHand;
    if (onHand === true) return notFired("naloxone is on hand");
    if (!risks.length) {
      return facts.mme.computable ? notFired(`no raised overdose risk recorded at ${mmeText(facts)}`) : insufficient("dose unknown, so overdose risk cannot be judged; naloxone is still worth offering");
    }
    const evidence = [cite("cdc-2022", "Recommendation 8: offer naloxone when overdose risk is increased, such as at 50 MME/day or more, with benzodiazepines, substance use disorder or sleep-disordered breathing.")];
    draft.alert({
      code: "naloxone-not-on-hand",
      severity: facts.onBenzodiazepine || facts.mme.computedPerDay >= MME_REFERENCE.high ? "critical" : "warning",
      summary: `Naloxone ${onHand === false ? "not on hand" : "not documented"} with raised overdose risk`,
      detail: `Overdose risk is raised by ${risks.join(", ")}. Prescribe naloxone and show the patient and family how to use it.`,
      evidence,
    });
    draft.suggest(this.id, RANK.safety, {
      therapy: "naloxone",
      step: "pharmacologic",
      title: "Prescribe naloxone",
      detail: `Naloxone nasal spray with instructions for the patient and household (risk: ${risks.join(", ")}).`,
      evidence,
    });
    return fired(`overdose risk (${risks.join(", ")}) and naloxone ${onHand === false ? "not on hand" : "not documented"}`);
  },
};

export const PDMP_RULE: Rule = {
  id: "opioid.pdmp-review",
  version: 1,
  title: "Prescription-monitoring review",
  cites: ["cdc-2022"],
  evaluate(facts, draft) {
    if (!facts.onOpioid) return notOnOpioid();
    const days = facts.assessment.opioidSafety.pdmpReviewedDaysAgo;
    if (typeof days === "number" && days <= PDMP_INTERVAL_DAYS) return notFired(`reviewed ${days} days ago (within ${PDMP_INTERVAL_DAYS})`);
    const when = days === null ? "never reviewed" : days === undefined ? "no review documented" : `last reviewed ${days} days ago`;
    const evidence = [cite("cdc-2022", "Recommendation 9: review the prescription drug monitoring program before prescribing and periodically, from every prescription to every 3 months.")];
    draft.alert({
      code: "pdmp-review-due",
      severity: "warning",
      summary: `Prescription-monitoring review due (${when})`,
      detail: "Check the state prescription drug monitoring program for other prescribers, overlapping controlled substances and high combined doses.",
      evidence,
    });
    draft.suggest(this.id, RANK.safety, { therapy: "pdmp-review", step: "pharmacologic", title: "Review the prescription-monitoring record", detail: `Due: ${when}; review at least every ${PDMP_INTERVAL_DAYS} days.`, evidence });
    return fired(`${when} (due every ${PDMP_INTERVAL_DAYS} days)`);
  },
};

export const TOXICOLOGY_RULE: Rule = {
  id: "opioid.toxicology",
  version: 1,
  title: "Toxicology testing",
  cites: ["cdc-2022"],
  evaluate(facts, draft) {
    if (!facts.onOpioid) return notOnOpioid();
    const days = facts.assessment.opioidSafety.urineDrugTestDaysAgo;
    if (typeof days === "number" && days <= TOXICOLOGY_INTERVAL_DAYS) return notFired(`tested ${days} days ago (within ${TOXICOLOGY_INTERVAL_DAYS})`);
    const when = days === null ? "never tested" : days === undefined ? "no test documented" : `last tested ${days} days ago`;
    const evidence = [cite("cdc-2022", "Recommendation 10: consider toxicology testing when starting opioids and at least once a year during long-term therapy, to inform care, not to punish.")];
    draft.alert({
      code: "urine-drug-test-due",
      severity: "warning",
      summary: `Urine drug test due (${when})`,
      detail: "Discuss the purpose with the patient first; an unexpected result is a reason for a conversation and closer care, not for dismissal.",
      evidence,
    });
    draft.suggest(this.id, RANK.safety, { therapy: "urine-drug-test", step: "pharmacologic", title: "Urine drug test", detail: `Due: ${when}; at least once a year on long-term opioids.`, evidence });
    return fired(`${when} (due every ${TOXICOLOGY_INTERVAL_DAYS} days)`);
  },
};

export const OPIOID_NOT_RECOMMENDED_RULE: Rule = {
  id: "opioid.not-recommended",
  version: 1,
  title: "An opioid for chronic low back pain where the profile advises against it",
  cites: ["nice-ng59", "acp-2017", "cdc-2022"],
  evaluate(facts, draft) {
    if (!facts.onOpioid) return notOnOpioid();
    if (!facts.chronic) return notFired("pain is not chronic; this rule concerns opioids for chronic low back pain");
    const uk = facts.assessment.profile === "uk";
    const { conservative, pharmacologic } = facts;
    const lowerStepsTried = conservative.state === "tried" && pharmacologic.state === "exhausted";
    if (!uk && lowerStepsTried) return notFired("us profile: non-drug care and first- and second-line medicines were tried or unsafe before the opioid");
    draft.alert({
      code: "opioid-not-recommended",
      severity: "warning",
      summary: uk ? "NICE does not recommend opioids for chronic low back pain" : "Opioid taken before the steps ACP puts first were tried",
      detail: `${uk ? "NICE NG59 advises against opioids for chronic low back pain and chronic sciatica." : "ACP 2017 reserves opioids for when non-drug care, NSAIDs and second-line medicines have failed, after discussing benefits and risks."} Build up the steps that work (exercise, psychological support, non-opioid medicines) and review whether the opioid still helps. If it does not, agree a gradual reduction. ${GRADUAL}`,
      evidence: uk
        ? [cite("nice-ng59", "Do not offer opioids for managing chronic low back pain or chronic sciatica."), cite("hhs-2019-tapering", "Reductions should be gradual and agreed with the patient.")]
        : [
            cite("acp-2017", "Consider opioids only in patients who have failed non-drug care, NSAIDs and second-line medicines, and only if benefits outweigh risks."),
            cite("cdc-2022", "Recommendation 2: non-opioid therapies are preferred for subacute and chronic pain."),
          ],
    });
    return fired(uk ? "uk profile: opioids are not offered for chronic low back pain" : `us profile: lower steps not yet exhausted (${conservative.state === "tried" ? pharmacologic.because : conservative.because})`);
  },
};

export const TAPER_PLAN_RULE: Rule = {
  id: "opioid.taper-plan",
  version: 1,
  title: "A gradual taper plan when harm outweighs benefit",
  cites: ["cdc-2022", "hhs-2019-tapering"],
  evaluate(facts, draft) {
    if (!facts.onOpioid) return notOnOpioid();
    const opioidTrial = facts.trials.get("opioid") ?? facts.trials.get("tramadol");
    const reasons = [
      facts.onBenzodiazepine ? "taken with a benzodiazepine" : null,
      facts.mme.computedPerDay >= MME_REFERENCE.high ? `${mmeText(facts)}` : null,
      opioidTrial && (opioidTrial.verdict === "failed" && !opioidTrial.partial) ? "no benefit from the opioid" : null,
      opioidTrial?.verdict === "not-tolerated" ? "the opioid is not tolerated" : null,
      facts.conditions.has("opioid-use-disorder") ? "opioid use disorder" : null,
      facts.conditions.has("substance-use-disorder") ? "substance use disorder" : null,
      facts.chronic && facts.assessment.profile === "uk" ? "NICE advises against opioids for chronic low back pain" : null,
    ].filter((r): r is string => r !== null);
    if (!reasons.length) return notFired("no sign that harm outweighs benefit; review benefit and harm at every visit");
    const oud = facts.conditions.has("opioid-use-disorder");
    const evidence = [
      cite("cdc-2022", "Recommendation 5: when benefits no longer outweigh risks, optimise other therapies and taper gradually; avoid rapid reductions from higher doses. Recommendation 12: offer treatment for opioid use disorder."),
      cite("hhs-2019-tapering", "Individualise the pace (often about 10% a month), pause when needed, and support the patient throughout."),
    ];
    draft.suggest(this.id, RANK.safety, {
      therapy: "opioid-taper-plan",
      step: "pharmacologic",
      title: "Agree a gradual opioid reduction plan",
      detail: `Why: ${reasons.join("; ")}. ${GRADUAL} Keep the same prescriber and pharmacy, see the patient often during the reduction, treat withdrawal symptoms, and keep naloxone at home.${oud ? " With opioid use disorder, offer buprenorphine or methadone treatment rather than a taper alone." : ""}`,
      evidence,
    });
    return fired(reasons.join("; "));
  },
};
