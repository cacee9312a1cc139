import { OLDER_ADULT_AGE } from "../medication-safety";
import { MME_REFERENCE, naloxoneAdvice, noOpioid, onAnyOpioid } from "../opioid-risk";
import { cite, type EvidenceRef } from "../recommendation";
import { fired, insufficient, notFired, type Rule } from "../rule";
import type { Facts } from "../facts";
import type { Medication } from "../assessment-schema";
import { drugClass } from "../vocabulary";
import { capitalized, count, inWords } from "../wording";

// Opioids with other drugs that multiply their harm (CDC 2022 rec. 11; FDA 2016, 2017, 2019), a new long-acting
// opioid for someone who takes none (CDC 2022 rec. 3), and a first opioid for acute pain (recs. 4 and 6). These apply to any opioid, including medication for opioid use
// disorder, which is never to be withheld because of them (FDA 2017).

const opioidNames = (facts: Facts) => inWords([...facts.opioidMeds, ...facts.moudMeds].map((m) => m.drug)) || "an opioid";
/** Which of these drugs this visit's orders add: an order is easier to reconsider than a drug taken, and needs no reduction. */
const orderedOf = (facts: Facts, drugs: readonly string[]) => facts.addedMedications.filter((m) => drugs.includes(m.drug)).map((m) => m.drug);
const orderedNote = (ordered: readonly string[]) => (ordered.length ? ` (${ordered.join(" and ")} ordered at this visit)` : "");
const weighOrder = (ordered: readonly string[]) => (ordered.length ? `Weigh another option in place of the ${ordered.join(" and ")} order before it is started. ` : "");
const MOUD_KEPT = "Do not withhold or reduce the medication for opioid use disorder because of it: untreated opioid use disorder is the greater danger. Coordinate with its prescriber.";

const BENZODIAZEPINE_EVIDENCE = [
  cite("cdc-2022", "Recommendation 11: use particular caution prescribing opioids and benzodiazepines together; consider whether benefits outweigh risks, and if tapering, do so gradually."),
  cite("fda-2016-opioid-benzodiazepine", "Boxed warning: combined use can cause extreme sleepiness, slowed or difficult breathing, coma and death."),
];
const MOUD_EVIDENCE = cite("fda-2017-moud-benzodiazepine", "Buprenorphine and methadone should not be withheld from patients taking benzodiazepines or other CNS depressants; manage the combination carefully instead.");

export const BENZODIAZEPINE_RULE: Rule = {
  id: "opioid.benzodiazepine",
  version: 5,
  title: "An opioid and a benzodiazepine together",
  cites: ["cdc-2022", "fda-2016-opioid-benzodiazepine", "fda-2017-moud-benzodiazepine"],
  evaluate(facts, draft) {
    if (!onAnyOpioid(facts)) return noOpioid();
    if (!facts.onBenzodiazepine) return notFired("no benzodiazepine among the medications or current treatments");
    const benzodiazepines = inWords(facts.benzodiazepineMeds.map((m) => m.drug)) || "a benzodiazepine";
    const moudOnly = !facts.onOpioid;
    const ordered = orderedOf(facts, [...facts.opioidMeds, ...facts.benzodiazepineMeds].map((m) => m.drug));
    const reconsider = weighOrder(ordered);
    draft.alert({
      code: "opioid-benzodiazepine",
      severity: "critical",
      summary: `${capitalized(opioidNames(facts))} with ${benzodiazepines}: high risk of fatal respiratory depression${orderedNote(ordered)}`,
      detail: moudOnly
        ? `Together they raise the risk of overdose. ${reconsider}${MOUD_KEPT} Review with the patient whether the benzodiazepine is still needed; any reduction of it is gradual. ${capitalized(naloxoneAdvice(facts))}.`
        : `Together they multiply the risk of overdose death. ${reconsider}Do not add either; ${naloxoneAdvice(facts)}. If risks outweigh benefits, agree with the patient (and both prescribers) which one to reduce first: one drug at a time, gradually, never both at once.`,
      evidence: moudOnly ? [...BENZODIAZEPINE_EVIDENCE, MOUD_EVIDENCE] : BENZODIAZEPINE_EVIDENCE,
    });
    return fired(`${opioidNames(facts)} taken with ${benzodiazepines}`);
  },
};

export const CNS_DEPRESSANT_RULE: Rule = {
  id: "opioid.cns-depressant",
  version: 4,
  title: "An opioid with a gabapentinoid, muscle relaxant or sleeping pill",
  cites: ["cdc-2022", "fda-2019-gabapentinoids", "beers-2023", "fda-2017-moud-benzodiazepine"],
  evaluate(facts, draft) {
    if (!onAnyOpioid(facts)) return noOpioid();
    const sedating = facts.sedatingDrugs;
    if (!sedating.length) return notFired("no gabapentinoid, muscle relaxant or sleeping pill among the medications or current treatments");
    const age = facts.assessment.patient.ageYears;
    const compounding = [
      sedating.length > 1 ? "more than one sedating drug" : null,
      facts.onBenzodiazepine ? "a benzodiazepine as well" : null,
      facts.mme.computedPerDay >= MME_REFERENCE.caution ? `${facts.mme.computedPerDay} MME/day` : null,
      facts.conditions.includes("sleep-apnea") ? "sleep apnea" : null,
      age >= OLDER_ADULT_AGE ? `age ${age}` : null,
    ].filter((c): c is string => c !== null);
    const names = inWords(sedating.map((d) => d.label));
    const evidence: EvidenceRef[] = [cite("cdc-2022", "Recommendation 11: consider whether benefits outweigh risks of prescribing opioids with other central nervous system depressants.")];
    if (sedating.some((d) => d.drugClass === "gabapentinoid")) {
      evidence.push(cite("fda-2019-gabapentinoids", "Gabapentin and pregabalin with opioids or other CNS depressants can cause serious, life-threatening breathing problems; start low and monitor."));
    }
    if (age >= OLDER_ADULT_AGE) evidence.push(cite("beers-2023", "In older adults avoid opioids with gabapentinoids, and avoid three or more CNS-active drugs together (falls, sedation)."));
    if (!facts.onOpioid) evidence.push(MOUD_EVIDENCE);
    const ordered = orderedOf(facts, [...facts.opioidMeds.map((m) => m.drug), ...sedating.map((d) => d.label)]);
    draft.alert({
      code: "opioid-cns-depressant",
      severity: compounding.length ? "critical" : "warning",
      summary: `${capitalized(opioidNames(facts))} with ${names}: added sedation and slowed breathing${orderedNote(ordered)}`,
      detail: `Together they slow breathing more than either alone${compounding.length ? `, more so with ${inWords(compounding)}` : ""}. ${weighOrder(ordered)}Review with the patient whether each is still needed and use the lowest doses that help; any reduction is gradual. Warn about alcohol, driving and other sedatives. ${capitalized(naloxoneAdvice(facts))}.${facts.onOpioid ? "" : ` ${MOUD_KEPT}`}`,
      evidence,
    });
    return fired(`${opioidNames(facts)} taken with ${names}${compounding.length ? ` (critical: ${compounding.join(", ")})` : ""}`);
  },
};

const SEROTONERGIC_EVIDENCE = [
  cite("tramadol-label", "Serotonin syndrome can occur when tramadol is taken with SSRIs, SNRIs or tricyclics; the seizure risk is also higher with them, and CYP2D6 inhibitors such as fluoxetine and paroxetine alter tramadol's effect."),
  cite("fda-2016-opioid-serotonin", "Opioids taken with serotonergic drugs can cause serotonin syndrome; watch for agitation, fever, sweating, tremor and diarrhoea, especially when starting or raising a dose."),
];
const CYP2D6_INHIBITORS = new Set(["fluoxetine", "paroxetine", "duloxetine"]);

export const SEROTONERGIC_RULE: Rule = {
  id: "medication.serotonergic-combination",
  version: 3,
  title: "A serotonergic opioid with an SNRI, SSRI or tricyclic",
  cites: ["tramadol-label", "fda-2016-opioid-serotonin"],
  evaluate(facts, draft) {
    if (!facts.serotonergicOpioids.length) return notFired("no tramadol, tapentadol or methadone taken");
    if (!facts.serotonergicAntidepressants.length) return notFired(`${facts.serotonergicOpioids.join(", ")} taken without an SNRI, SSRI or tricyclic`);
    const opioids = inWords(facts.serotonergicOpioids);
    const antidepressants = inWords(facts.serotonergicAntidepressants);
    const tramadol = facts.serotonergicOpioids.includes("tramadol");
    const inhibitors = facts.serotonergicAntidepressants.filter((d) => CYP2D6_INHIBITORS.has(d));
    const ordered = orderedOf(facts, [...facts.serotonergicOpioids, ...facts.serotonergicAntidepressants]);
    draft.alert({
      code: "serotonergic-combination",
      severity: "warning",
      summary: `${capitalized(opioids)} with ${antidepressants}: serotonin syndrome${tramadol ? " and seizure" : ""} risk${orderedNote(ordered)}`,
      detail: `Both raise serotonin: watch for agitation, tremor, sweating, fever, fast heartbeat and diarrhoea, which need urgent care.${tramadol ? " Tramadol also lowers the seizure threshold, more so with these antidepressants." : ""}${tramadol && inhibitors.length ? ` ${capitalized(inWords(inhibitors))} also ${new Set(inhibitors).size > 1 ? "block" : "blocks"} tramadol's conversion to its active form (CYP2D6): less relief, more serotonergic effect.` : ""} ${
        ordered.length
          ? `Weigh an option without this interaction in place of the ${ordered.join(" and ")} order before it is started; if both go ahead, use the lowest doses`
          : "Prefer an option without this interaction for one of them, changed gradually and with its prescriber; if both continue, use the lowest doses"
      } and tell the patient which symptoms to act on.`,
      evidence: SEROTONERGIC_EVIDENCE,
    });
    return fired(`${opioids} with ${antidepressants}`);
  },
};

const ER_NAIVE_EVIDENCE = [
  cite("cdc-2022", "Recommendation 3: when starting opioid therapy, prescribe immediate-release opioids instead of extended-release and long-acting (ER/LA) opioids; ER/LA opioids, methadone and transdermal fentanyl carry higher overdose risk in patients who are not opioid tolerant."),
];

export const ER_OPIOID_NAIVE_RULE: Rule = {
  id: "opioid.er-opioid-naive",
  version: 1,
  title: "A new extended-release or long-acting opioid for a patient who takes no opioid",
  cites: ["cdc-2022"],
  evaluate(facts, draft) {
    // Methadone and fentanyl in any form are for opioid-tolerant patients only, like every extended-release form.
    const longActing = facts.addedMedications.filter(
      (m) => m.indication !== "opioid-use-disorder" && (m.drug === "methadone" || m.drug === "fentanyl" || ((m.form === "er" || m.form === "patch") && drugClass(m.drug) === "opioid")),
    );
    if (!longActing.length) return notFired("no new extended-release or long-acting opioid among this visit's orders");
    if (!facts.opioidNaive) return notFired(`new ${longActing.map((m) => m.drug).join(", ")} ordered for a patient already taking an opioid`);
    const names = longActing.map((m) => `${m.drug}${m.form ? ` (${m.form})` : ""}`).join(", ");
    draft.alert({
      code: "er-opioid-opioid-naive",
      severity: "critical",
      summary: `New ${names} for a patient who takes no opioid`,
      detail: "Extended-release and long-acting opioids (methadone, fentanyl, ER tablets) are not for starting opioid therapy: in someone without opioid tolerance they carry a much higher risk of overdose. Backstep never suggests starting an opioid; if one is judged necessary despite that, an immediate-release opioid at the lowest dose, for the shortest time, with naloxone.",
      evidence: ER_NAIVE_EVIDENCE,
    });
    return fired(`new ${names} ordered and no opioid taken before this visit`);
  },
};

const FENTANYL_TOLERANCE_EVIDENCE = [
  cite("fentanyl-patch-label", "For opioid-tolerant patients only: those taking, for a week or longer, at least 60 mg of oral morphine a day or an equianalgesic dose of another opioid (30 mg oral oxycodone, for example); in others it can cause fatal respiratory depression."),
  cite("cdc-2022", "Recommendation 3: ER/LA opioids, transdermal fentanyl among them, carry higher overdose risk in patients who are not opioid tolerant."),
];
/** Opioid tolerance as the labels of opioid-tolerant-only products define it: 60 MME/day or more for a week or longer. */
const TOLERANCE = { mmePerDay: 60, weeks: 1 } as const;

type Tolerance = { tolerant: true; because: string } | { tolerant: false; known: boolean; why: string; shown: string };

/** Whether the opioids taken before this visit's orders make the patient opioid-tolerant, in the labels' terms. */
function opioidTolerance(facts: Facts): Tolerance {
  const before = facts.mme.currentPerDay;
  const weeks = facts.opioidCourseWeeks;
  const shortCourse = weeks !== null && weeks < TOLERANCE.weeks;
  if (before !== null && before >= TOLERANCE.mmePerDay && !shortCourse) return { tolerant: true, because: `opioid-tolerant: ${before} MME/day before this visit's orders${weeks === null ? "" : `, for ${count(weeks, "week")}`}` };
  if (before === null) return { tolerant: false, known: false, why: "the opioid dose taken before this visit cannot be computed", shown: "" };
  if (before < TOLERANCE.mmePerDay) return { tolerant: false, known: true, why: `${before} MME/day before this visit's orders, below the ${TOLERANCE.mmePerDay} that tolerance needs`, shown: `${before} MME/day before this visit` };
  return { tolerant: false, known: true, why: `${before} MME/day taken for only ${weeks} weeks`, shown: `${weeks} weeks of opioid` };
}

const TOLERANCE_DEFINITION = `${TOLERANCE.mmePerDay} MME/day or more (for example 30 mg of oral oxycodone a day) for a week or longer`;
const notThisProduct = (what: string) => `Backstep never suggests starting or raising an opioid; if a stronger opioid is judged necessary despite that, it is not ${what}, and comes with naloxone.`;

/** Why the gate before a new opioid-tolerant-only product does not apply, or null when it does. */
function toleranceNotJudged(facts: Facts): string | null {
  if (facts.opioidNaive) return "no opioid taken before this visit: the alert for long-acting opioids in opioid-naive patients applies";
  if (facts.assessment.medications.some((m) => m.indication === "opioid-use-disorder")) return "medication for opioid use disorder is taken: tolerance is judged with its prescriber, not by MME";
  return null;
}

export const FENTANYL_TOLERANCE_RULE: Rule = {
  id: "opioid.fentanyl-tolerance",
  version: 2,
  title: "A new fentanyl patch for a patient who takes an opioid but is not opioid-tolerant",
  cites: ["fentanyl-patch-label", "cdc-2022"],
  evaluate(facts, draft) {
    if (!facts.addedMedications.some((m) => m.drug === "fentanyl")) return notFired("no new fentanyl among this visit's orders");
    const notJudged = toleranceNotJudged(facts);
    if (notJudged) return notFired(notJudged);
    const tolerance = opioidTolerance(facts);
    if (tolerance.tolerant) return notFired(tolerance.because);
    draft.alert({
      code: "fentanyl-not-opioid-tolerant",
      severity: tolerance.known ? "critical" : "warning",
      summary: tolerance.known ? `New fentanyl patch for a patient who is not opioid-tolerant (${tolerance.shown})` : "New fentanyl patch: opioid tolerance not confirmed",
      detail: `The fentanyl patch is only for opioid-tolerant patients: ${TOLERANCE_DEFINITION}. In anyone else even the lowest strength can cause fatal respiratory depression.${tolerance.known ? "" : ` Here ${tolerance.why}: confirm the daily dose before the patch is started.`} ${notThisProduct("a patch")}`,
      evidence: FENTANYL_TOLERANCE_EVIDENCE,
    });
    return fired(`new fentanyl patch: ${tolerance.why}`);
  },
};

/** Extended-release products, or strengths of them, whose labels restrict them to opioid-tolerant patients. */
function tolerantOnly(m: Medication): { product: string; evidence: EvidenceRef } | null {
  if (m.form !== "er" || m.indication === "opioid-use-disorder") return null;
  const perDose = m.doseMg;
  const perDay = perDose !== undefined && m.dosesPerDay !== undefined ? perDose * m.dosesPerDay : undefined;
  if (m.drug === "hydromorphone") return { product: "extended-release hydromorphone", evidence: HYDROMORPHONE_ER_TOLERANT_ONLY };
  if (m.drug === "oxycodone" && ((perDose ?? 0) > 40 || (perDay ?? 0) > 80)) return { product: `extended-release oxycodone ${perDose} mg${perDay === undefined ? "" : ` (${perDay} mg a day)`}`, evidence: OXYCODONE_ER_TOLERANT_ONLY };
  if (m.drug === "morphine" && ((perDose ?? 0) > 60 || (perDay ?? 0) > 120)) return { product: `extended-release morphine ${perDose} mg${perDay === undefined ? "" : ` (${perDay} mg a day)`}`, evidence: MORPHINE_ER_TOLERANT_ONLY };
  return null;
}

const HYDROMORPHONE_ER_TOLERANT_ONLY = cite("hydromorphone-er-label", "Extended-release hydromorphone is for opioid-tolerant patients only (60 mg oral morphine a day or an equianalgesic dose for a week or longer); in others it can cause fatal respiratory depression.");
const OXYCODONE_ER_TOLERANT_ONLY = cite("oxycontin-label", "Single doses above 40 mg, or a total daily dose above 80 mg, are only for patients in whom tolerance to an opioid of comparable potency has been established.");
const MORPHINE_ER_TOLERANT_ONLY = cite("ms-contin-label", "The 100 mg and 200 mg tablets, single doses above 60 mg, or a total daily dose above 120 mg are only for patients in whom tolerance to an opioid of comparable potency has been established.");

export const ER_TOLERANCE_RULE: Rule = {
  id: "opioid.er-tolerance",
  version: 3,
  title: "A new extended-release opioid at a strength for opioid-tolerant patients only, for a patient who is not",
  cites: ["hydromorphone-er-label", "oxycontin-label", "ms-contin-label"],
  evaluate(facts, draft) {
    const products = facts.addedMedications.map(tolerantOnly).filter((p) => p !== null);
    if (!products.length) {
      const strengthUnknown = facts.addedMedications.filter((m) => m.form === "er" && (m.drug === "oxycodone" || m.drug === "morphine") && (m.doseMg === undefined || m.dosesPerDay === undefined));
      if (strengthUnknown.length) return insufficient(`new extended-release ${strengthUnknown.map((m) => m.drug).join(", ")} without its dose and doses a day: whether it is a strength for opioid-tolerant patients only is unknown`);
      return notFired("no new extended-release opioid at a strength for opioid-tolerant patients only among this visit's orders");
    }
    const notJudged = toleranceNotJudged(facts);
    if (notJudged) return notFired(notJudged);
    const tolerance = opioidTolerance(facts);
    if (tolerance.tolerant) return notFired(tolerance.because);
    const names = products.map((p) => p.product).join(", ");
    draft.alert({
      code: "er-opioid-not-opioid-tolerant",
      severity: tolerance.known ? "critical" : "warning",
      summary: tolerance.known ? `New ${names} for a patient who is not opioid-tolerant (${tolerance.shown})` : `New ${names}: opioid tolerance not confirmed`,
      detail: `Its label restricts it to opioid-tolerant patients: ${TOLERANCE_DEFINITION}. In anyone else it can cause fatal respiratory depression.${tolerance.known ? "" : ` Here ${tolerance.why}: confirm the daily dose before it is started.`} ${notThisProduct("a product meant for opioid-tolerant patients only")}`,
      evidence: products.map((p) => p.evidence),
    });
    return fired(`new ${names}: ${tolerance.why}`);
  },
};

const BUPRENORPHINE_PAIN_EVIDENCE = [
  cite("buprenorphine-transdermal-label", "Buprenorphine can precipitate withdrawal in patients taking full-agonist opioids: before the first patch, reduce the current around-the-clock opioid to no more than 30 mg of oral morphine a day (or equivalent)."),
];
const BUPRENORPHINE_OUD_EVIDENCE = [
  cite("samhsa-tip63", "To avoid precipitated withdrawal, begin buprenorphine once the patient shows objective signs of opioid withdrawal, timed from the last dose of the full agonist (longer after methadone)."),
];
/** The full-agonist dose the buprenorphine patch label allows at its first dose. */
const BUPRENORPHINE_START_MME = 30;

export const BUPRENORPHINE_START_RULE: Rule = {
  id: "opioid.buprenorphine-start",
  version: 1,
  title: "New buprenorphine for a patient taking a full-agonist opioid: precipitated withdrawal",
  cites: ["buprenorphine-transdermal-label", "samhsa-tip63"],
  evaluate(facts, draft) {
    const started = facts.addedMedications.filter((m) => m.drug === "buprenorphine");
    if (!started.length) return notFired("no new buprenorphine among this visit's orders");
    const before = facts.assessment.medications;
    if (before.some((m) => m.drug === "buprenorphine")) return notFired("buprenorphine is already taken: this order changes or adds to it");
    const agonists = before.filter((m) => drugClass(m.drug) === "opioid");
    if (!agonists.length) return notFired("no full-agonist opioid is on the list before this visit: buprenorphine starts without that risk");
    const forOud = started.some((m) => m.indication === "opioid-use-disorder");
    const methadoneForOud = agonists.some((m) => m.indication === "opioid-use-disorder");
    const mme = facts.mme.currentPerDay;
    const names = agonists.map((m) => m.drug).join(", ");
    if (!forOud && !methadoneForOud && mme !== null && mme <= BUPRENORPHINE_START_MME) {
      return notFired(`${names} at ${mme} MME/day: within the ${BUPRENORPHINE_START_MME} MME/day at which buprenorphine for pain may start`);
    }
    const dose = methadoneForOud ? "methadone for opioid use disorder" : mme === null ? "dose not computable" : `${mme} MME/day`;
    draft.alert({
      code: "buprenorphine-precipitated-withdrawal",
      severity: "warning",
      summary: `Buprenorphine ordered for a patient taking ${names} (${dose}): risk of precipitated withdrawal`,
      detail: `Buprenorphine binds more tightly than full-agonist opioids but activates the receptor less, so a first dose taken on top of them can bring on sudden, severe withdrawal. ${
        forOud || methadoneForOud
          ? "For opioid use disorder, give the first dose once withdrawal has begun (timed from the last full-agonist dose, longer after methadone), or use a low-dose start that overlaps the current opioid, with the addiction prescriber; do not delay treatment because of it."
          : `For pain, reduce the current opioid to ${BUPRENORPHINE_START_MME} MME/day or less before the first dose, as its label asks${mme === null ? " (confirm its daily dose first: it cannot be computed here)" : ""}, or use a low-dose start that overlaps it, with specialist advice.`
      } Keep naloxone at home through the change.`,
      evidence: forOud || methadoneForOud ? BUPRENORPHINE_OUD_EVIDENCE : BUPRENORPHINE_PAIN_EVIDENCE,
    });
    return fired(`new buprenorphine${forOud ? " for opioid use disorder" : ""} with ${names} taken before this visit (${dose})`);
  },
};

const ACUTE_EVIDENCE_US = [
  cite("cdc-2022", "Recommendation 4: for a patient who takes no opioid, prescribe the lowest effective dosage; recommendation 6: for acute pain, no greater quantity than needed for the expected duration of pain severe enough to need an opioid, re-evaluating at least every 2 weeks if it continues."),
];
const ACUTE_EVIDENCE_UK = [
  cite("nice-ng59", "Consider weak opioids (with or without paracetamol) for acute low back pain only if an NSAID is contraindicated, not tolerated or has been ineffective."),
];

export const ACUTE_OPIOID_RULE: Rule = {
  id: "opioid.acute-prescription",
  version: 2,
  title: "A first opioid ordered for acute pain: lowest dose, a few days",
  cites: ["cdc-2022", "nice-ng59"],
  evaluate(facts, draft) {
    const ordered = facts.addedMedications.filter((m) => m.indication !== "opioid-use-disorder" && drugClass(m.drug) === "opioid");
    if (!ordered.length) return notFired("no new opioid for pain among this visit's orders");
    const names = ordered.map((m) => m.drug).join(", ");
    if (!facts.opioidNaive) return notFired(`new ${names} ordered for a patient already taking an opioid: the dose and monitoring rules apply`);
    const { chronicity } = facts.classification;
    if (chronicity !== "acute") return notFired(`pain is ${chronicity}: the rules for opioids in subacute and chronic pain apply`);
    const uk = facts.assessment.profile === "uk";
    draft.alert({
      code: "opioid-acute-prescription",
      severity: "warning",
      summary: `New ${names} for acute back pain: lowest dose, a few days`,
      detail: `${
        uk
          ? "NICE NG59 considers only a weak opioid (such as codeine) for acute low back pain, and only when an NSAID is contraindicated, not tolerated or has not worked."
          : "Non-opioid care works at least as well for most acute back pain."
      } If an opioid is still used: immediate-release, the lowest effective dose, and no more tablets than the few days of severe pain expected, as agreed with the patient; re-evaluate within 2 weeks if it is still needed, and do not renew by default.`,
      evidence: uk ? ACUTE_EVIDENCE_UK : ACUTE_EVIDENCE_US,
    });
    return fired(`new ${names} ordered for acute pain (${count(facts.assessment.pain.durationWeeks, "week")}) and no opioid taken before this visit`);
  },
};
