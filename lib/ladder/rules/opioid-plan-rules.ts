import { GRADUAL, hasOpioidUseDisorder, MME_REFERENCE, mmeText, naloxoneAdvice, notOnOpioid, opioidBenefit } from "../opioid-risk";
import { cite, type EvidenceRef } from "../recommendation";
import { fired, insufficient, notFired, RANK, type Rule } from "../rule";
import { totalMme } from "../mme";
import { firstPhase, LONG_TERM_WEEKS, taperSchedule } from "../taper-schedule";
import type { MOUD_DRUGS } from "../vocabulary";
import { capitalized, count, inWords } from "../wording";
import { PDMP_INTERVAL_DAYS } from "./opioid-monitoring-rules";
import type { Facts } from "../facts";

// What to do about the opioid itself. Nothing here starts an opioid, and nothing advises ending one quickly. Medication
// for opioid use disorder is continued (CDC 2022 rec. 12); a taper is offered when risks outweigh benefits, never
// insisted on (CDC 2022 rec. 5; HHS 2019); pregnancy needs specialist input first; and the chronic back pain advice
// does not apply to cancer, palliative or sickle cell pain, or while red flags are being worked up.

const MOUD_EVIDENCE = [
  cite("cdc-2022", "Recommendation 12: offer or arrange treatment with buprenorphine or methadone for patients with opioid use disorder; continue it; do not use MME to make decisions about it."),
];

/** How to get more pain relief from each medicine for opioid use disorder, planned with its prescriber. */
const SPLIT_DOSE: Record<(typeof MOUD_DRUGS)[number], string> = {
  buprenorphine: "dividing the buprenorphine dose through the day often helps",
  methadone: "splitting the methadone dose, arranged with the treatment programme, often helps",
};

/** The opioids for pain on the list, by name, or "an opioid" when only the treatments record one. */
const opioidsForPain = (facts: Facts) => inWords(facts.opioidMeds.map((m) => m.drug)) || "an opioid";

export const OPIOID_USE_DISORDER_RULE: Rule = {
  id: "opioid.use-disorder",
  version: 7,
  title: "Medication for opioid use disorder: continue it, or offer it",
  cites: ["cdc-2022"],
  evaluate(facts, draft) {
    if (facts.onMoud) {
      const names = inWords(facts.moudMeds.map((m) => m.drug));
      // Ordered at this visit and not taken before: a start to support, not a medicine to continue.
      const started = facts.moudMeds.every((m) => facts.addedMedications.includes(m));
      const drugs = [...new Set(facts.moudMeds.map((m) => m.drug))].filter((drug): drug is keyof typeof SPLIT_DOSE => drug in SPLIT_DOSE);
      // An opioid for pain on top of it, taken or ordered, is a relapse and overdose risk to plan with its prescriber.
      const painOpioids = facts.onOpioid ? opioidsForPain(facts) : "";
      draft.alert({
        code: "moud-continue",
        severity: painOpioids ? "warning" : "info",
        summary: `${capitalized(names)} for opioid use disorder${started ? ", started at this visit: support it" : ": continue it"}${painOpioids ? `, and plan ${painOpioids} for pain with its prescriber` : ""}`,
        detail: `Medication for opioid use disorder lowers the risk of overdose death. ${started ? "Support the start and keep it going" : "Continue it"}, coordinated with its prescriber: it is not counted in MME and is not reduced for back pain. Treat the back pain with non-drug care and non-opioid medicines; if more relief is needed, plan it with the prescriber (${drugs.map((drug) => SPLIT_DOSE[drug]).join("; ")}).${painOpioids ? ` An opioid for pain alongside it (${painOpioids}) risks relapse and overdose${facts.moudMeds.some((m) => m.drug === "buprenorphine") ? ", and buprenorphine blunts a full agonist's effect, so doses tend to climb" : ""}: agree any opioid for pain with the prescriber of the ${names}, keep it short, and make sure naloxone is at home.` : ""}`,
        evidence: MOUD_EVIDENCE,
      });
      return fired(`${names} ${started ? "ordered at this visit" : "taken"} for opioid use disorder: ${started ? "supported" : "continued"}, not counted in MME, no taper${painOpioids ? `; ${painOpioids} for pain alongside it: planned with its prescriber` : ""}`);
    }
    if (!facts.conditions.includes("opioid-use-disorder")) return notFired("no opioid use disorder recorded");
    if (facts.stoppedMoud.length) return notFired("medication for opioid use disorder is ended by an order at this visit: the stop-order alert asks for it to continue");
    draft.alert({
      code: "oud-treatment",
      severity: "warning",
      summary: "Opioid use disorder without buprenorphine or methadone: offer treatment",
      detail: `Offer or arrange buprenorphine or methadone: they cut overdose deaths. A taper on its own is not treatment for opioid use disorder. ${capitalized(naloxoneAdvice(facts))}.`,
      evidence: MOUD_EVIDENCE,
    });
    return fired("opioid use disorder recorded and no medication for it");
  },
};

export const OPIOID_NOT_RECOMMENDED_RULE: Rule = {
  id: "opioid.not-recommended",
  version: 8,
  title: "An opioid for chronic low back pain where the profile advises against it",
  cites: ["nice-ng59", "acp-2017", "cdc-2022", "hhs-2019-tapering"],
  evaluate(facts, draft) {
    if (!facts.onOpioid) return notOnOpioid();
    if (!facts.chronic) return notFired("pain is not chronic; this rule concerns opioids for chronic low back pain");
    const exclusion = facts.opioidGuidanceExclusion;
    if (exclusion) return notFired(exclusion);
    const uk = facts.assessment.profile === "uk";
    const { conservative, pharmacologic } = facts;
    const lowerStepsTried = conservative.state === "tried" && pharmacologic.state === "exhausted";
    if (!uk && lowerStepsTried) return notFired("us profile: non-drug care and first- and second-line medicines were tried or unsafe before the opioid");
    // A first opioid ordered at this visit is not yet taken: the advice is about the order, not about reducing a dose.
    const started = facts.opioidStartedAtVisit;
    const usSummary = started ? "New opioid ordered before the steps ACP puts first were tried" : "Opioid taken before the steps ACP puts first were tried";
    const steps = "Build up the steps that work (exercise, psychological support, non-opioid medicines)";
    const plan = started
      ? `${steps} and weigh the order with the patient before it is started.`
      : facts.assessment.patient.pregnant === true
        ? `${steps} and review with the patient whether the opioid still helps; in pregnancy any change of dose is planned with obstetric and specialist input (see the pregnancy alert).`
        : `${steps} and review with the patient whether the opioid still helps. If it does not, offer a gradual reduction. ${GRADUAL}`;
    draft.alert({
      code: "opioid-not-recommended",
      severity: "warning",
      summary: uk ? "NICE does not recommend opioids for chronic low back pain" : usSummary,
      detail: `${uk ? "NICE NG59 advises against opioids for chronic low back pain and chronic sciatica." : "ACP 2017 reserves opioids for when non-drug care, NSAIDs and second-line medicines have failed, after discussing benefits and risks."} ${plan}`,
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

const PREGNANCY_EVIDENCE = [
  cite("acog-2017-opioids-pregnancy", "Opioid withdrawal in pregnancy carries risk; changes to opioid therapy are made with obstetric and addiction specialist input, and care is coordinated through delivery."),
  cite("hhs-2019-tapering", "Tapering in pregnancy needs expert advice: withdrawal is associated with miscarriage and premature labour."),
];
const MOUD_PREGNANCY_EVIDENCE = [
  cite("acog-2017-opioids-pregnancy", "For pregnant women with opioid use disorder, buprenorphine or methadone is recommended over medically supervised withdrawal, which has higher relapse rates; care is coordinated through delivery."),
];

export const OPIOID_PREGNANCY_RULE: Rule = {
  id: "opioid.pregnancy",
  version: 4,
  title: "An opioid in pregnancy: specialist input before any change",
  cites: ["acog-2017-opioids-pregnancy", "hhs-2019-tapering"],
  evaluate(facts, draft) {
    if (!facts.onOpioid && !facts.onMoud) return notOnOpioid();
    if (facts.assessment.patient.pregnant !== true) return notFired("not recorded as pregnant");
    if (!facts.onOpioid) {
      const names = inWords(facts.moudMeds.map((m) => m.drug));
      draft.alert({
        code: "opioid-pregnancy",
        severity: "warning",
        summary: `${capitalized(names)} for opioid use disorder in pregnancy: keep it going, with specialist input`,
        detail: `Medication for opioid use disorder is recommended throughout pregnancy, over withdrawal, which risks relapse and the pregnancy. Keep the dose steady and plan any change with the obstetric team and its prescriber; the dose often needs raising later in pregnancy, and the newborn is watched for neonatal opioid withdrawal. ${capitalized(naloxoneAdvice(facts))}.`,
        evidence: MOUD_PREGNANCY_EVIDENCE,
      });
      return fired(`pregnant and taking ${names} for opioid use disorder: continued, with obstetric and addiction input`);
    }
    draft.alert({
      code: "opioid-pregnancy",
      severity: "warning",
      summary: "Opioid in pregnancy: no dose reduction without specialist input",
      detail: `Withdrawal in pregnancy can harm the pregnancy (miscarriage, preterm labour). Keep the dose steady and plan any change with obstetric and addiction or pain specialists, and plan with the obstetric team for the newborn (neonatal opioid withdrawal). ${capitalized(naloxoneAdvice(facts))}.`,
      evidence: PREGNANCY_EVIDENCE,
    });
    return fired("pregnant and taking an opioid for pain: no taper plan without specialist input");
  },
};

const TAPER_EVIDENCE = [
  cite("cdc-2022", "Recommendation 5: when benefits no longer outweigh risks, optimise other therapies and taper gradually, with the patient; tapers of 10% a month or slower are better tolerated after a year or more of use."),
  cite("hhs-2019-tapering", "Offer a taper when risks outweigh benefits or the patient asks; individualise the pace (faster after weeks to months, about 10% a month after years), allow pauses, treat withdrawal and support the patient throughout."),
];

export const TAPER_PLAN_RULE: Rule = {
  id: "opioid.taper-plan",
  version: 7,
  title: "A gradual taper offered when risks outweigh benefits",
  cites: ["cdc-2022", "hhs-2019-tapering"],
  evaluate(facts, draft) {
    if (!facts.onOpioid) return notOnOpioid();
    const exclusion = facts.opioidGuidanceExclusion;
    if (exclusion) return notFired(exclusion);
    if (facts.assessment.patient.pregnant === true) return notFired("pregnant: no taper plan without obstetric and specialist input (see the opioid-pregnancy alert)");
    if (hasOpioidUseDisorder(facts)) return notFired("opioid use disorder: medication for it comes first; a taper alone is not treatment (see the use-disorder rule)");
    if (facts.opioidStartedAtVisit) return notFired("the opioid is ordered at this visit and not yet taken: there is nothing to taper; the alerts ask for the order itself to be weighed");
    const { benefit, because: benefitBecause } = opioidBenefit(facts);
    const notClearlyHelping = benefit !== "good";
    const highDose = facts.mme.computedPerDay >= MME_REFERENCE.high;
    const { naloxoneOnHand, pdmpReviewedDaysAgo } = facts.assessment.opioidSafety;
    const monitored = facts.assessment.profile === "uk" || (typeof pdmpReviewedDaysAgo === "number" && pdmpReviewedDaysAgo <= PDMP_INTERVAL_DAYS);
    const risksManaged = naloxoneOnHand === true && monitored;
    const compounding = [
      facts.sedatingDrugs.length ? "another sedating drug" : null,
      facts.conditions.includes("sleep-apnea") ? "sleep apnea" : null,
      facts.conditions.includes("substance-use-disorder") ? "substance use disorder" : null,
    ].filter((r): r is string => r !== null);
    const reasons = [
      benefit === "none" ? `the opioid does not help (${benefitBecause})` : null,
      facts.onBenzodiazepine ? "taken with a benzodiazepine: agree with the patient which to reduce first, one at a time" : null,
      notClearlyHelping && highDose && compounding.length ? `${mmeText(facts)} with ${compounding.join(", ")} and no clear benefit` : null,
      notClearlyHelping && highDose && !compounding.length && !risksManaged ? `${mmeText(facts)} with no clear benefit and its risks not yet managed (naloxone and prescription monitoring)` : null,
      notClearlyHelping && facts.conditions.includes("substance-use-disorder") && !highDose ? "substance use disorder and no clear benefit" : null,
      notClearlyHelping && facts.chronic && facts.assessment.profile === "uk" ? "NICE advises against opioids for chronic low back pain and the benefit is not clear" : null,
    ].filter((r): r is string => r !== null);
    if (!reasons.length) {
      return notFired(
        `benefit ${benefit} (${benefitBecause}); risks do not outweigh it${highDose ? `: at ${mmeText(facts)} reassess, do not escalate, and offer a taper if the patient wishes` : ""}`,
      );
    }
    // A stop order that would cut the dose at once is to become part of the reduction: the plan starts from the dose
    // taken before the orders, the stopped opioid included.
    const cutAtOnce = judgePainStop(facts).atRisk;
    const schedule = cutAtOnce ? taperSchedule(facts, { opioids: [...facts.opioidMeds, ...facts.stoppedOpioids], startMmePerDay: facts.mme.currentPerDay }) : taperSchedule(facts);
    draft.taperSchedule = schedule;
    const path = firstPhase(schedule);
    const from = cutAtOnce ? ` It starts from the dose taken before this visit's orders, ${facts.stoppedOpioids.map((m) => m.drug).join(", ")} included, rather than ending any of it at once.` : "";
    draft.suggest(this.id, RANK.safety, {
      therapy: "opioid-taper-plan",
      step: "pharmacologic",
      title: "Offer a gradual opioid reduction plan",
      detail: `Why: ${reasons.join("; ")}. Offer it and agree it with the patient; do not insist. Pace: ${schedule.paceReason} (${path}), then review together.${from} Pauses are allowed; treat withdrawal symptoms; keep naloxone at home, as tolerance falls with the dose.`,
      evidence: TAPER_EVIDENCE,
    });
    return fired(`${reasons.join("; ")}; pace ${schedule.pace}: ${schedule.paceReason}${cutAtOnce ? "; from the dose before the orders" : ""}`);
  },
};

const STOP_EVIDENCE = [
  cite("cdc-2022", "Recommendation 5: do not discontinue opioid therapy abruptly unless there are signs of a life-threatening issue, such as impending overdose; reduce gradually instead."),
  cite("hhs-2019-tapering", "Avoid stopping long-term opioids suddenly: it risks withdrawal, worse pain, psychological distress and overdose from loss of tolerance or a turn to illicit opioids."),
  cite("fda-2019-opioid-discontinuation", "Serious harm, including withdrawal, uncontrolled pain and suicide, has been reported after opioids taken regularly were stopped suddenly; taper gradually and individually."),
];
const MOUD_STOP_EVIDENCE = [
  cite("cdc-2022", "Recommendation 12: continue medication for opioid use disorder; discontinuing it raises the risk of relapse and overdose death."),
  cite("hhs-2019-tapering", "Tolerance falls quickly once opioids are no longer taken, so a return to the old dose can be fatal."),
];
/** Under a week of regular use there is little dependence to taper (CDC 2022 rec. 6): the opioid can simply stop. */
const SHORT_COURSE_WEEKS = 1;

/**
 * Whether ending the pain opioids a stop order ends is a sudden end. Under a week of use it is not. Another opioid
 * for pain kept or started at the visit makes it a switch, judged on the total: keeping at least half the daily dose is
 * the usual allowance for incomplete cross-tolerance when changing opioid (CDC 2022); a larger fall is a sudden cut.
 */
function judgePainStop(facts: Facts): { atRisk: boolean; sharpCut: boolean; note: string } {
  const pain = facts.stoppedOpioids.map((m) => m.drug).join(", ");
  const weeks = facts.opioidCourseWeeks;
  if (!pain) return { atRisk: false, sharpCut: false, note: "" };
  if (weeks !== null && weeks < SHORT_COURSE_WEEKS) return { atRisk: false, sharpCut: false, note: `${pain} taken for ${count(weeks, "week")} (under a week): it can stop without a taper` };
  if (!facts.opioidMeds.length) return { atRisk: true, sharpCut: false, note: "" };
  const { currentPerDay, totalPerDay } = facts.mme;
  if (currentPerDay === null || totalPerDay === null) {
    return { atRisk: false, sharpCut: false, note: `${pain} stopped with another opioid for pain going on: the MME before or after the orders cannot be computed, so the size of the cut cannot be judged` };
  }
  if (totalPerDay < currentPerDay / 2) return { atRisk: true, sharpCut: true, note: "" };
  return { atRisk: false, sharpCut: false, note: `${pain} stopped with another opioid for pain going on: a switch keeping ${totalPerDay} of ${currentPerDay} MME/day (at least half), not a sudden end` };
}

export const STOP_ORDER_RULE: Rule = {
  id: "opioid.stop-order",
  version: 4,
  title: "An opioid stopped by this visit's orders: reduce it gradually instead",
  cites: ["cdc-2022", "hhs-2019-tapering", "fda-2019-opioid-discontinuation", "acog-2017-opioids-pregnancy"],
  evaluate(facts, draft) {
    const { stoppedOpioids, stoppedMoud } = facts;
    if (!stoppedOpioids.length && !stoppedMoud.length) return notFired("no opioid is stopped by this visit's orders");
    const pregnant = facts.assessment.patient.pregnant === true;
    const weeks = facts.opioidCourseWeeks;
    const moud = stoppedMoud.map((m) => m.drug).join(", ");
    const pain = stoppedOpioids.map((m) => m.drug).join(", ");
    const { atRisk: painAtRisk, sharpCut, note: painNote } = judgePainStop(facts);
    if (!moud && !painAtRisk) return notFired(painNote);
    const { currentPerDay, totalPerDay } = facts.mme;

    // One alert, however many opioids the orders stop: decisions and cards are keyed by the alert's code.
    const taken = weeks === null ? "taken regularly" : `taken for ${count(weeks, "week")}`;
    const stoppedMme = painAtRisk ? totalMme(stoppedOpioids, false).totalPerDay : null;
    const details: string[] = [];
    const evidence: EvidenceRef[] = [];
    if (moud) {
      details.push(
        `Ending medication for opioid use disorder sharply raises the risk of relapse and overdose death, most of all in the weeks after it ends, as tolerance falls. Continue ${moud}, coordinated with its prescriber, and treat the back pain alongside it.${pregnant ? " In pregnancy it is continued: withdrawal risks relapse and the pregnancy." : ""} If it has to end, its prescriber or an addiction specialist plans how, and naloxone is in the home.`,
      );
      evidence.push(...MOUD_STOP_EVIDENCE, ...(pregnant ? MOUD_PREGNANCY_EVIDENCE : []));
    }
    if (painAtRisk && pregnant) {
      details.push(`Ending ${pain} (${taken}) brings withdrawal, which can harm the pregnancy (miscarriage, preterm labour): keep the dose steady and plan any change with obstetric and addiction or pain specialists. ${capitalized(naloxoneAdvice(facts))}.`);
      evidence.push(...STOP_EVIDENCE, ...PREGNANCY_EVIDENCE);
    } else if (painAtRisk) {
      const cut = sharpCut ? ` cuts the opioid dose from ${currentPerDay} to ${totalPerDay} MME/day in one step, which` : "";
      details.push(
        `Ending ${pain} (${taken}${stoppedMme === null ? "" : `, ${stoppedMme} MME/day`}) at once${cut} brings withdrawal and worse pain, and tolerance falls within days, so going back to the old dose, or to other opioids, can cause an overdose. Unless there is a life-threatening reason to end it now (such as signs of overdose), change the order to a gradual reduction agreed with the patient. If it must end now, treat withdrawal, offer naloxone, and offer buprenorphine or methadone if there are signs of opioid use disorder.`,
      );
      evidence.push(...STOP_EVIDENCE);
    }
    const painAdvice = pregnant ? "keep the dose, with specialist input" : "reduce it gradually instead";
    draft.alert({
      code: "opioid-stop-ordered",
      severity: moud ? "critical" : "warning",
      summary: moud
        ? painAtRisk
          ? `${capitalized(moud)} for opioid use disorder and ${pain} ended by orders: continue the ${moud}; for the ${pain}, ${painAdvice}`
          : `${capitalized(moud)} for opioid use disorder ended by an order: continue it instead`
        : `${capitalized(pain)} ended at once by an order${pregnant ? " in pregnancy" : ""}${sharpCut ? ` (${currentPerDay} to ${totalPerDay} MME/day)` : ""}: ${painAdvice}`,
      detail: details.join(" "),
      evidence,
    });
    const moudBecause = moud ? `medication for opioid use disorder stopped by an order (${moud}): continue it instead` : "";
    if (!painAtRisk) return fired([moudBecause, painNote].filter(Boolean).join("; "));
    const painBecause = `${pain} (${taken}) stopped at once by an order`;
    const because = (plan: string) => [moudBecause, `${painBecause}: ${plan}`].filter(Boolean).join("; ");
    if (pregnant) return fired(because("pregnant, so no reduction without obstetric and specialist input"));
    // The taper rule's schedule already starts from the dose before the orders, the stopped opioid included.
    if (draft.taperSchedule) return fired(because("a gradual reduction is advised instead; the taper plan already shown starts from the dose before the orders"));
    const schedule = taperSchedule(facts, { opioids: stoppedOpioids, startMmePerDay: stoppedMme });
    draft.taperSchedule = schedule;
    const path = firstPhase(schedule);
    draft.suggest(this.id, RANK.safety, {
      therapy: "opioid-taper-plan",
      step: "pharmacologic",
      title: `Reduce ${pain} gradually rather than ending it at once`,
      detail: `Instead of the order that ends it at once: ${schedule.paceReason} (${path}), then review together and carry on reducing if coming off is still the aim. Agree it with the patient. Pauses are allowed; treat withdrawal symptoms; keep naloxone at home, as tolerance falls with the dose.`,
      evidence: STOP_EVIDENCE,
    });
    return fired(because(`a gradual reduction is offered instead, pace ${schedule.pace}`));
  },
};

export const RAPID_REDUCTION_RULE: Rule = {
  id: "opioid.rapid-reduction",
  version: 2,
  title: "An opioid dose cut by more than half at once by this visit's orders",
  cites: ["cdc-2022", "hhs-2019-tapering", "fda-2019-opioid-discontinuation", "acog-2017-opioids-pregnancy"],
  evaluate(facts, draft) {
    if (!facts.onOpioid) return notOnOpioid();
    if (facts.stoppedOpioids.length) return notFired("an opioid is stopped by an order: the stop-order rule judges the cut");
    const { currentPerDay, totalPerDay } = facts.mme;
    if (currentPerDay === null || totalPerDay === null) return insufficient("the MME before or after this visit's orders cannot be computed, so the size of any cut is unknown");
    if (totalPerDay >= currentPerDay / 2) return notFired(`${currentPerDay} to ${totalPerDay} MME/day: not a cut of more than half`);
    const weeks = facts.opioidCourseWeeks;
    if (weeks !== null && weeks < SHORT_COURSE_WEEKS) return notFired(`taken for ${count(weeks, "week")} (under a week): the dose can fall quickly`);
    const pregnant = facts.assessment.patient.pregnant === true;
    draft.alert({
      code: "opioid-rapid-reduction",
      severity: "warning",
      summary: `Opioid dose cut by more than half at once: ${currentPerDay} to ${totalPerDay} MME/day`,
      detail: pregnant
        ? `A fast cut brings withdrawal, which can harm the pregnancy (miscarriage, preterm labour): keep the dose steady and plan any change with obstetric and addiction or pain specialists. ${capitalized(naloxoneAdvice(facts))}.`
        : `A cut this fast brings withdrawal and worse pain, and tolerance falls with the dose, so going back to the old dose can cause an overdose. Unless there is a life-threatening reason, reduce in smaller steps agreed with the patient: about 10% of the dose every ${
            weeks === null ? "month, the pace for long-term use, as how long it has been taken is not recorded" : weeks >= LONG_TERM_WEEKS ? "month after a year or more of use" : "week after weeks to months of use"
          }, with pauses when needed. ${capitalized(naloxoneAdvice(facts))}.`,
      evidence: pregnant ? [...STOP_EVIDENCE, ...PREGNANCY_EVIDENCE] : STOP_EVIDENCE,
    });
    return fired(`${currentPerDay} to ${totalPerDay} MME/day by this visit's orders${weeks === null ? "" : `, after ${count(weeks, "week")}`}`);
  },
};
