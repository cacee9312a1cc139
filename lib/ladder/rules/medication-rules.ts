import { absolute, cautions, describeReasons, OLDER_ADULT_AGE, takesDuloxetine, type Contraindication } from "../medication-safety";
import { courseTherapy, gradualStop, type GradualStop } from "../gradual-stop";
import { cite, type EvidenceRef } from "../recommendation";
import { fired, notFired, type Rule } from "../rule";
import type { Facts } from "../facts";
import type { Medication } from "../assessment-schema";
import type { DrugId } from "../vocabulary";
import { capitalized, count, inWords } from "../wording";

export const NSAID_LONG_TERM_WEEKS = 12;

/** Whether the ladder is at the point of choosing a medication (so an unsafe first choice matters now). */
function choosingMedication(facts: Facts): boolean {
  return facts.chronic && facts.conservative.state === "tried";
}

/** What to do for each caution, a sentence each: "With fall risk, start at 30 mg, …." */
const advice = (found: readonly Contraindication[]) => found.map((c) => `With ${c.reason}, ${c.advice}.`).join(" ");

export const ORDERS_APPLIED_RULE: Rule = {
  id: "medication.orders-applied",
  version: 1,
  title: "This visit's medication orders applied to the current list",
  cites: ["cdc-2022"],
  evaluate(facts) {
    if (!facts.orderNotes.length) return notFired("no medication orders at this visit: the current list is judged as it is");
    const { currentPerDay, totalPerDay } = facts.mme;
    return fired(`${facts.orderNotes.join("; ")}. MME/day ${currentPerDay ?? "not computable"} before the orders, ${totalPerDay ?? "not computable"} after; every rule judges the list after the orders`);
  },
};

export const NSAID_CONTRAINDICATED_RULE: Rule = {
  id: "medication.nsaid-contraindicated",
  version: 4,
  title: "NSAID unsafe for this person",
  cites: ["kdigo-2024-ckd", "acg-2009-nsaid-ulcer", "beers-2023", "fda-2020-nsaid-pregnancy"],
  evaluate(facts, draft) {
    const found = absolute(facts.nsaidContraindications);
    if (!found.length) return notFired("no absolute contraindication (eGFR below 30, GI bleed or ulcer, anticoagulant, heart failure, pregnancy) recorded");
    const ordered = facts.considers("nsaid");
    const tried = facts.trials.get("nsaid");
    const relevant = facts.onNsaid || (choosingMedication(facts) && tried?.verdict !== "failed");
    if (!relevant) return notFired(`contraindications present (${describeReasons(found)}) but no NSAID is taken, ordered or about to be chosen`);
    draft.alert({
      code: "nsaid-contraindicated",
      severity: facts.onNsaid ? "critical" : "warning",
      summary: `${ordered ? "NSAID ordered despite" : facts.onNsaid ? "NSAID taken despite" : "NSAID skipped because of"} ${describeReasons(found)}`,
      detail: facts.onNsaid
        ? `An NSAID is unsafe for this person. Choose a safer option with the patient${
            facts.assessment.patient.pregnant === true
              ? "; in pregnancy any pain medicine is agreed with the obstetric team (NSAIDs are avoided from 20 weeks)"
              : "; if one must be used briefly, agree it with the specialist involved, with stomach protection after a bleed or ulcer and kidney checks with kidney disease"
          }.`
        : "The ladder moves past NSAIDs to the next option that is safe for this person.",
      evidence: found.map((c) => c.evidence),
    });
    return fired(`${describeReasons(found)}${ordered ? " with an NSAID ordered at this visit" : facts.onNsaid ? " while an NSAID is taken" : " with an NSAID the next medication choice"}`);
  },
};

export const NSAID_LONG_TERM_RULE: Rule = {
  id: "medication.nsaid-long-term",
  version: 2,
  title: "Daily NSAID for months",
  cites: ["nice-ng59", "backstep-source-article"],
  evaluate(facts, draft) {
    if (!facts.onNsaid) return notFired("no NSAID taken");
    const daily = facts.nsaidMeds.length === 0 || facts.nsaidMeds.some((m) => m.prn !== true);
    const weeks = facts.assessment.treatments.filter((t) => t.therapy === "nsaid" && t.status === "current").map((t) => t.weeks ?? 0);
    const longest = Math.max(0, ...weeks);
    if (!daily) return notFired("the NSAID is taken as needed, not daily");
    if (longest < NSAID_LONG_TERM_WEEKS) {
      return weeks.length ? notFired(`taken for ${count(longest, "week")} (under ${NSAID_LONG_TERM_WEEKS})`) : notFired("how long the NSAID has been taken is not recorded");
    }
    draft.alert({
      code: "nsaid-long-term",
      severity: "warning",
      summary: `Daily NSAID for ${count(longest, "week")}`,
      detail: "Months of daily NSAIDs add stomach, kidney and heart risk for little added relief. Move to the lowest dose, as needed rather than daily, and build up exercise and the home program.",
      evidence: [
        cite("nice-ng59", "If NSAIDs are used, use the lowest effective dose for the shortest possible time, with a gastroprotective agent and regular risk review."),
        cite("backstep-source-article", "The patient-education article reports that about 1 in 5 regular NSAID users get stomach problems and advises against daily use for months."),
      ],
    });
    return fired(`daily NSAID for ${count(longest, "week")} (${NSAID_LONG_TERM_WEEKS} or more)`);
  },
};


export const DULOXETINE_CONTRAINDICATED_RULE: Rule = {
  id: "medication.duloxetine-contraindicated",
  version: 5,
  title: "Duloxetine unsafe for this person",
  cites: ["duloxetine-label", "tramadol-label", "fda-2016-opioid-serotonin"],
  evaluate(facts, draft) {
    const found = absolute(facts.duloxetineContraindications);
    if (!found.length) return notFired("no absolute contraindication (hepatic impairment, eGFR below 30, tramadol or tapentadol, another SNRI, pregnancy) recorded");
    const onIt = takesDuloxetine(facts);
    const wouldBeNext = choosingMedication(facts) && facts.assessment.profile === "us";
    if (!onIt && !wouldBeNext) return notFired(`contraindications present (${describeReasons(found)}) but duloxetine is neither taken nor being chosen`);
    // Duloxetine already taken and made unsafe only by what this visit orders: the order is what to reconsider.
    const ordered = found.map((c) => c.cause).filter((cause): cause is DrugId => cause !== undefined && facts.ordersNew(cause));
    if (onIt && !facts.ordersNew("duloxetine") && ordered.length === found.length) {
      const names = [...new Set(ordered)].join(" and ");
      draft.alert({
        code: "duloxetine-contraindicated",
        severity: "critical",
        summary: `${capitalized(names)} ordered for a patient taking duloxetine`,
        detail: `Unsafe together: ${describeReasons(found)}. Keep the duloxetine as it is and weigh another option in place of the ${names} order before it is started; changing duloxetine instead would need a gradual reduction.`,
        evidence: found.map((c) => c.evidence),
      });
      return fired(`${describeReasons(found)}: ${names} ordered at this visit`);
    }
    draft.alert({
      code: "duloxetine-contraindicated",
      severity: onIt ? "critical" : "warning",
      summary: `Duloxetine ${onIt ? "taken despite" : "skipped because of"} ${describeReasons(found)}`,
      detail: onIt ? "Review duloxetine with the patient and its prescriber and plan a gradual change; reducing it quickly can cause withdrawal symptoms." : "The ladder does not suggest duloxetine for this person.",
      evidence: found.map((c) => c.evidence),
    });
    return fired(describeReasons(found));
  },
};

type CautionSpec = {
  id: string;
  version: number;
  title: string;
  cites: Rule["cites"];
  therapy: "nsaid" | "duloxetine";
  name: string;
  /** Every contraindication and caution of the drug for this patient. */
  list: (facts: Facts) => Contraindication[];
  takes: (facts: Facts) => boolean;
  /** What is recorded that could make it a caution, for the trace. */
  considered: string;
  evidence: EvidenceRef[];
};

/** A drug the ladder may still use for this patient, with what to do: said when it is taken, ordered or suggested. */
function cautionRule(spec: CautionSpec): Rule {
  const code = `${spec.therapy}-caution`;
  return {
    id: spec.id,
    version: spec.version,
    title: spec.title,
    cites: spec.cites,
    evaluate(facts, draft) {
      const all = spec.list(facts);
      const found = cautions(all);
      if (!found.length) return notFired(`no caution for ${spec.name} (${spec.considered}) recorded`);
      if (absolute(all).length) return notFired("an absolute contraindication applies instead");
      const taken = spec.takes(facts);
      if (!taken && !draft.suggests(spec.therapy)) return notFired(`cautions present (${describeReasons(found)}) but ${spec.name} is neither taken, ordered nor suggested`);
      draft.alert({
        code,
        severity: taken ? "warning" : "info",
        summary: `${capitalized(spec.name)} with care: ${describeReasons(found)}`,
        detail: `${capitalized(spec.name)} can be used here with care. ${advice(found)}`,
        evidence: [...spec.evidence, ...found.map((c) => c.evidence)],
      });
      return fired(`${describeReasons(found)}${taken ? ` while ${spec.name} is taken` : ` with ${spec.name} suggested`}: allowed with care`);
    },
  };
}

export const NSAID_CAUTION_RULE = cautionRule({
  id: "medication.nsaid-caution",
  version: 4,
  title: "NSAID allowed with care",
  cites: ["beers-2023", "kdigo-2024-ckd", "fda-2015-nsaid-cv", "acp-2017"],
  therapy: "nsaid",
  name: "an NSAID",
  list: (facts) => facts.nsaidContraindications,
  takes: (facts) => facts.onNsaid,
  considered: "age, cardiovascular disease, reduced kidney function",
  evidence: [cite("acp-2017", "Recommendation 3: NSAIDs are first-line medication for chronic low back pain, weighing their gastrointestinal, kidney and cardiovascular risks.")],
});

export const DULOXETINE_CAUTION_RULE = cautionRule({
  id: "medication.duloxetine-caution",
  version: 7,
  title: "Duloxetine allowed with care",
  cites: ["duloxetine-label", "beers-2023", "fda-2016-opioid-serotonin"],
  therapy: "duloxetine",
  name: "duloxetine",
  list: (facts) => facts.duloxetineContraindications,
  takes: (facts) => takesDuloxetine(facts),
  considered: "fall risk, other antidepressants, methadone, bleeding risk with an anticoagulant or NSAID, age",
  evidence: [],
});

export const GABAPENTINOID_CAUTION_RULE: Rule = {
  id: "medication.gabapentinoid-caution",
  version: 3,
  title: "A gabapentinoid taken by someone who needs care with it",
  cites: ["beers-2023", "fda-2019-gabapentinoids"],
  evaluate(facts, draft) {
    if (!facts.takes("gabapentinoid")) return notFired("no gabapentinoid taken");
    const found = facts.gabapentinoidCautions;
    if (!found.length) return notFired("no caution for gabapentinoids (kidney function, age or falls, sleep apnea) recorded");
    draft.alert({
      code: "gabapentinoid-caution",
      severity: "warning",
      summary: `Gabapentinoid with care: ${describeReasons(found)}`,
      detail: `${advice(found)} Gabapentinoids do not relieve back pain or sciatica better than placebo: review with the patient whether it is still needed, and reduce gradually if not (seizures and withdrawal can follow quick reductions).`,
      evidence: found.map((c) => c.evidence),
    });
    return fired(describeReasons(found));
  },
};

const SLEEPING_PILL_OLDER_EVIDENCE = [
  cite(
    "beers-2023",
    "Avoid the nonbenzodiazepine receptor agonist hypnotics (zolpidem, eszopiclone, zaleplon) in older adults: they bring delirium, falls, fractures and motor vehicle crashes like benzodiazepines, for little gain in sleep.",
  ),
];

export const OLDER_ADULT_SLEEPING_PILL_RULE: Rule = {
  id: "medication.older-adult-sleeping-pill",
  version: 2,
  title: "A Z-drug sleeping pill at 65 or over",
  cites: ["beers-2023"],
  evaluate(facts, draft) {
    const pills = facts.drugsOf("sedative-hypnotic");
    if (!pills) return notFired("no sleeping pill (zolpidem, eszopiclone, zaleplon) taken or ordered");
    const age = facts.assessment.patient.ageYears;
    if (age < OLDER_ADULT_AGE) return notFired(`${pills.join(", ")} at ${age}: under ${OLDER_ADULT_AGE}`);
    const ordered = facts.classesAdded.includes("sedative-hypnotic");
    draft.alert({
      code: "sleeping-pill-older-adult",
      severity: "warning",
      summary: `${capitalized(inWords(pills))} ${ordered ? "ordered" : "taken"} at ${age}: Beers advises avoiding Z-drug sleeping pills from ${OLDER_ADULT_AGE}`,
      detail: `At ${OLDER_ADULT_AGE} or over these sleeping pills bring confusion, falls and fractures, which back pain and its medicines already make more likely, for little gain in sleep. ${
        ordered ? "Consider not starting it: treat the sleep problem with sleep habits and cognitive behavioural therapy for insomnia first." : "Review with the patient and its prescriber whether it is still needed; after regular use, reduce it gradually."
      }`,
      evidence: SLEEPING_PILL_OLDER_EVIDENCE,
    });
    return fired(`${pills.join(", ")} ${ordered ? "ordered" : "taken"} at ${age} (${OLDER_ADULT_AGE} or over)`);
  },
};

/** A daily dose in mg, or null when the sig does not give one. */
const dailyMg = (m: Medication) => (m.doseMg !== undefined && m.dosesPerDay !== undefined ? m.doseMg * m.dosesPerDay : null);

/** Each current medicine the orders cut by more than half at once, as a phrase for the alert. */
function sharpCuts(facts: Facts): { drug: DrugId; phrase: string }[] {
  const cuts: { drug: DrugId; phrase: string }[] = [];
  for (const { before, after } of facts.changedMedications) {
    const from = dailyMg(before);
    const to = dailyMg(after);
    if (gradualStop(before.drug) && from !== null && to !== null && to < from / 2) cuts.push({ drug: before.drug, phrase: `${before.drug} cut from ${from} to ${to} mg a day at once` });
  }
  return cuts;
}

export const STOP_GRADUALLY_RULE: Rule = {
  id: "medication.stop-gradually",
  version: 4,
  title: "A medicine that brings withdrawal ended, or cut by more than half, at once by this visit's orders",
  cites: ["fda-2020-benzodiazepine-boxed-warning", "gabapentin-label", "pregabalin-label", "duloxetine-label", "nice-ng215"],
  evaluate(facts, draft) {
    const stopped = facts.stoppedMedications.filter((m) => gradualStop(m.drug) !== null).map((m) => m.drug);
    const cuts = sharpCuts(facts);
    if (!stopped.length && !cuts.length) {
      return notFired("no medicine that needs a gradual reduction (benzodiazepine, gabapentinoid, antidepressant, Z-drug sleeping pill) is stopped, or cut by more than half, by this visit's orders");
    }
    // Under a week of use there is little dependence: such a medicine can simply end. Without a recorded course the
    // length is unknown, so the reduction is advised.
    const ended = stopped.filter((drug) => !takenUnderAWeek(facts, drug));
    const cut = cuts.filter((c) => !takenUnderAWeek(facts, c.drug));
    if (!ended.length && !cut.length) return notFired(`${[...stopped, ...cuts.map((c) => c.drug)].join(", ")} taken for under a week: it can stop without a taper`);
    const drugs = [...ended, ...cut.map((c) => c.drug)];
    const several = drugs.length > 1;
    const phrases = [...(ended.length ? [`${ended.join(" and ")} ended at once`] : []), ...cut.map((c) => c.phrase)];
    const specs = [...new Set(drugs.map((drug) => gradualStop(drug) as GradualStop))];
    const whys = [...new Set(specs.map((spec) => capitalized(spec.why)))];
    draft.alert({
      code: "stop-gradually",
      severity: "warning",
      summary: `${capitalized(phrases.join("; "))} by ${several ? "orders" : "an order"}: reduce ${several ? "them" : "it"} gradually instead`,
      detail: `${whys.join(". ")}.${cut.length ? " Cutting the dose by more than half in one step brings the same risk." : ""} Change the order to a reduction plan${several ? ", reducing one medicine at a time" : ""}.`,
      evidence: specs.map((spec) => spec.evidence),
    });
    return fired(`${phrases.join("; ")} by this visit's orders: a gradual reduction is advised instead`);
  },
};

function takenUnderAWeek(facts: Facts, drug: DrugId): boolean {
  const therapy = courseTherapy(drug);
  const weeks = therapy && facts.assessment.treatments.find((t) => t.therapy === therapy && t.status === "current")?.weeks;
  return typeof weeks === "number" && weeks < 1;
}
