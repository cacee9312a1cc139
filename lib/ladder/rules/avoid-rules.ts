import { MODERATE_PAIN } from "../adequacy";
import { absolute, describeReasons, OLDER_ADULT_AGE, takesDuloxetine } from "../medication-safety";
import { cite, type EvidenceRef } from "../recommendation";
import { fired, notFired, type Draft, type Rule } from "../rule";
import type { Facts } from "../facts";
import type { DrugClass, TherapyId } from "../vocabulary";
import { acetaminophenName, capitalized } from "../wording";

// What does not work, or does harm, for this patient: an entry appears only when it applies to them (they take it,
// it is ordered at this visit, or it is what people at their stage are likely to be offered next), and its reason
// starts with why it applies. An entry is left out when the same evaluation suggests that therapy, so the advice never
// contradicts itself. ACP 2017 recommends spinal manipulation (acute and chronic), massage (acute) and NSAIDs, so the
// us profile never lists them as such; NICE only objects to manual therapy without exercise.

type AvoidSpec = {
  id: string;
  version: number;
  title: string;
  therapy: TherapyId;
  cites: Rule["cites"];
  /** When the entry applies, in words, for the trace. */
  when: string;
  /** Why it applies to this patient, or null when it does not. */
  appliesBecause: (facts: Facts, draft: Draft) => string | null;
  reason: (facts: Facts) => string;
  evidence: (facts: Facts) => EvidenceRef[];
};

const us = (facts: Facts) => facts.assessment.profile === "us";

/** The drug therapies the avoid list names, as a sentence opens with them when no medicine of theirs is listed. */
const RECORDED_THERAPY = {
  nsaid: "An NSAID",
  acetaminophen: "Acetaminophen",
  "oral-corticosteroid": "An oral corticosteroid",
  benzodiazepine: "A benzodiazepine",
  gabapentinoid: "A gabapentinoid",
  tricyclic: "A tricyclic antidepressant",
  "muscle-relaxant": "A muscle relaxant",
} as const satisfies Partial<Record<TherapyId, string>>;

/** The names of what the patient takes or is ordered from a drug class, or null when nothing. */
function named(facts: Facts, drugClassOf: DrugClass, therapy: keyof typeof RECORDED_THERAPY): string | null {
  const names = facts.drugsOf(drugClassOf);
  if (names) return `${facts.considers(therapy) ? "Ordered at this visit" : "Takes"}: ${names.join(", ")}`;
  return facts.currentTherapies.includes(therapy) ? `${RECORDED_THERAPY[therapy]} is recorded as current` : null;
}

const EXERCISE_PROGRAMS: TherapyId[] = ["physical-therapy", "home-exercise", "group-exercise", "psychologically-informed-pt", "multidisciplinary-rehabilitation"];
const exercising = (facts: Facts) => EXERCISE_PROGRAMS.some((t) => facts.currentTherapies.includes(t));
/** Chronic pain past the conservative rung: medicines are being chosen, or have been (not when the pain is mild and none is needed). */
const medicinesInPlay = (facts: Facts) => facts.chronic && facts.conservative.state === "tried" && facts.pharmacologic.state !== "not-needed";

/** An adequate NSAID trial recorded with no response. */
const nsaidDidNotHelp = (facts: Facts) => {
  const trial = facts.trials.get("nsaid");
  return trial?.verdict === "failed" && !trial.partial;
};

function avoidRule(spec: AvoidSpec): Rule {
  const suggested = `${spec.therapy} is suggested in this evaluation`;
  const notApplicable = `applies when ${spec.when}: not the case here`;
  return {
    id: spec.id,
    version: spec.version,
    title: spec.title,
    cites: spec.cites,
    evaluate(facts: Facts, draft: Draft) {
      if (draft.suspended) return notFired("ladder suspended: the work-up comes first");
      if (draft.suggests(spec.therapy)) return notFired(suggested);
      const why = spec.appliesBecause(facts, draft);
      if (!why) return notFired(notApplicable);
      draft.avoidTherapy({ therapy: spec.therapy, reason: `${why}. ${spec.reason(facts)}`, evidence: spec.evidence(facts) });
      return fired(`${why} (${facts.assessment.profile} profile)`);
    },
  };
}

const BED_REST_EVIDENCE = [
  cite("dahm-2010-bed-rest", "Advice to stay active is at least as good as bed rest, often better."),
  cite("backstep-source-article", "The patient-education article describes bed rest as making chronic back pain worse."),
];
const OPIOID_EVIDENCE_US = [
  cite("cdc-2022", "Recommendation 2: non-opioid therapies are preferred for subacute and chronic pain; recommendation 4: avoid increasing the dose without careful reassessment."),
  cite("acp-2017", "Consider opioids only after other treatments fail and only if benefits outweigh risks."),
];
const OPIOID_EVIDENCE_UK = [cite("nice-ng59", "Do not offer opioids for managing chronic low back pain or chronic sciatica.")];
const OPIOID_EVIDENCE_UK_ACUTE = [
  cite("nice-ng59", "Consider weak opioids (with or without paracetamol) for acute low back pain only if an NSAID is contraindicated, not tolerated or has been ineffective; do not offer opioids for chronic low back pain or chronic sciatica."),
];
const IMAGING_EVIDENCE = [
  cite("chou-2007-acp-aps", "Do not routinely obtain imaging in patients with nonspecific low back pain."),
  cite("nice-ng59", "Do not routinely offer imaging in a non-specialist setting for people with low back pain with or without sciatica."),
  cite("acr-2021-imaging", "Imaging is usually not appropriate for uncomplicated low back pain without red flags."),
];
const NSAID_LONG_TERM_EVIDENCE = [
  cite("nice-ng59", "Use oral NSAIDs at the lowest effective dose for the shortest possible period."),
  cite("backstep-source-article", "The patient-education article advises against taking NSAIDs daily for months unless the doctor says it is safe."),
];
const MANUAL_THERAPY_EVIDENCE = [cite("nice-ng59", "Consider manual therapy (spinal manipulation, mobilisation or soft tissue techniques such as massage) only as part of a treatment package including exercise.")];
const MASSAGE_CHRONIC_EVIDENCE = [
  cite("acp-2017", "Massage is recommended for acute and subacute low back pain; for chronic low back pain the recommended non-drug options centre on exercise and rehabilitation."),
  cite("backstep-source-article", "The patient-education article describes massage as helpful for relaxation, not a cure."),
];
const EPIDURAL_EVIDENCE = [
  cite("nice-ng59", "Do not offer spinal injections for managing low back pain; consider epidurals only for acute and severe sciatica."),
  cite("chou-2009-aps-interventional", "Epidural steroids offer short-term benefit for radiculopathy only; evidence does not support them for non-radicular pain."),
  cite("backstep-source-article", "The patient-education article reports relief for 3-6 months in 60-70% of people, and that injections are not permanent."),
];
const FACET_EVIDENCE = [
  cite("chou-2009-aps-interventional", "Facet joint corticosteroid injection is not recommended for persistent non-radicular low back pain."),
  cite("nice-ng59", "Do not offer spinal injections for managing low back pain."),
];
const ACETAMINOPHEN_EVIDENCE = [cite("nice-ng59", "Do not offer paracetamol alone for managing low back pain."), cite("acp-2017", "Acetaminophen was no better than placebo for acute low back pain.")];
const ACETAMINOPHEN_PREGNANCY_EVIDENCE = [
  ...ACETAMINOPHEN_EVIDENCE,
  cite("fda-2020-nsaid-pregnancy", "Avoid NSAIDs from 20 weeks of pregnancy; other medicines, such as acetaminophen, are available to treat pain during pregnancy."),
];
const STEROID_EVIDENCE = [
  cite("acp-2017", "Systemic corticosteroids were not effective for low back pain, with or without radicular symptoms."),
  cite("nice-ng59", "Do not offer oral corticosteroids for managing sciatica."),
];
const BENZODIAZEPINE_EVIDENCE = [cite("nice-ng59", "Do not offer benzodiazepines for managing sciatica."), cite("cdc-2022", "Recommendation 11: use particular caution with benzodiazepines and opioids together.")];
const BENZODIAZEPINE_OLDER_EVIDENCE = [
  ...BENZODIAZEPINE_EVIDENCE,
  cite("beers-2023", "Avoid benzodiazepines in older adults: they raise the risk of cognitive impairment, delirium, falls, fractures and motor vehicle crashes."),
];
const GABAPENTINOID_EVIDENCE = [
  cite("enke-2018-anticonvulsants", "Anticonvulsants showed no benefit for low back pain or lumbar radicular pain, with more adverse events."),
  cite("nice-ng59", "Do not offer anticonvulsants for low back pain, or gabapentinoids for sciatica."),
];
const TRICYCLIC_EVIDENCE = [
  cite("nice-ng59", "Do not offer tricyclic antidepressants for managing low back pain."),
  cite("acp-2017", "Tricyclic antidepressants showed no difference from placebo for chronic low back pain."),
];
const DULOXETINE_AFTER_TRIAL_EVIDENCE = [
  cite("acp-2017", "Duloxetine is a second-line option for chronic low back pain, with a small effect on pain and function."),
  cite("duloxetine-label", "Reduce the dose gradually rather than stopping it at once, to avoid discontinuation symptoms."),
];
const SNRI_UK_EVIDENCE = [
  cite("nice-ng59", "Do not offer serotonin-norepinephrine reuptake inhibitors for managing low back pain."),
  cite("acp-2017", "Duloxetine is a second-line option when NSAIDs have not helped enough."),
];
const ACUPUNCTURE_UK_EVIDENCE = [
  cite("nice-ng59", "Do not offer acupuncture for managing low back pain with or without sciatica."),
  cite("acp-2017", "Acupuncture is among the non-drug treatments recommended for chronic low back pain (moderate-quality evidence)."),
];
const OLDER_ADULT_MUSCLE_RELAXANT = cite("beers-2023", "Avoid most muscle relaxants in older adults: poorly tolerated (sedation, anticholinergic effects, fracture risk) and of questionable effectiveness.");
const MUSCLE_RELAXANT_EVIDENCE = [
  cite("acp-2017", "Skeletal muscle relaxants are an option for acute low back pain; the evidence does not show benefit for chronic low back pain."),
  OLDER_ADULT_MUSCLE_RELAXANT,
];
const MUSCLE_RELAXANT_OLDER_EVIDENCE = [OLDER_ADULT_MUSCLE_RELAXANT];

export const AVOID_RULES: Rule[] = [
  avoidRule({
    id: "avoid.bed-rest",
    version: 2,
    title: "Avoid bed rest",
    therapy: "bed-rest",
    cites: ["dahm-2010-bed-rest", "backstep-source-article"],
    when: "always, for anyone with back pain",
    appliesBecause: (facts) => (facts.currentTherapies.includes("bed-rest") ? "Bed rest is recorded as current" : "Resting in bed is the commonest response to a flare of back pain"),
    reason: () => "Bed rest slows recovery: muscles stiffen and weaken and fear of movement grows. Stay active within comfort.",
    evidence: () => BED_REST_EVIDENCE,
  }),
  avoidRule({
    id: "avoid.opioid",
    version: 4,
    title: "Avoid starting (or increasing) opioids",
    therapy: "opioid",
    cites: ["cdc-2022", "acp-2017", "nice-ng59"],
    when: "always, except cancer, palliative or sickle cell pain, which this advice does not cover",
    appliesBecause: (facts) => {
      if (facts.painOutsideScope) return null;
      if (facts.considers("opioid")) return "An opioid is ordered at this visit";
      if (facts.onOpioid) return "Already takes an opioid: the question is not increasing it or adding another";
      if (facts.onMoud) return `Takes ${facts.moudMeds.map((m) => m.drug).join(", ")} for opioid use disorder: any opioid for pain is planned with its prescriber`;
      const { intensity } = facts.assessment.pain;
      // At mild pain the reason is the question itself, not the pain's severity.
      return intensity >= MODERATE_PAIN ? `With pain at ${intensity}/10, an opioid may be asked for or offered` : "Commonly asked about for back pain";
    },
    reason: (facts) =>
      us(facts)
        ? "Opioids are not a treatment to start or increase for back pain: non-opioid care works at least as well for most people, and opioids bring dependence, overdose and worse pain over time. Backstep never suggests starting one."
        : facts.chronic
          ? "NICE advises against opioids for chronic low back pain and chronic sciatica. Backstep never suggests starting one."
          : "For pain of under 12 weeks NICE considers only a weak opioid, and only when an NSAID cannot be used, is not tolerated or has not worked; for chronic pain it advises against opioids. Backstep never suggests starting one.",
    evidence: (facts) => (us(facts) ? OPIOID_EVIDENCE_US : facts.chronic ? OPIOID_EVIDENCE_UK : OPIOID_EVIDENCE_UK_ACUTE),
  }),
  avoidRule({
    id: "avoid.imaging",
    version: 4,
    title: "Avoid imaging without red flags",
    therapy: "imaging",
    cites: ["acr-2021-imaging", "nice-ng59", "chou-2007-acp-aps"],
    when: "no red flag is recorded, ticked or read from the conditions and medicines",
    appliesBecause: (facts) => (facts.redFlags.length || facts.recordedFlags.length ? null : "No red flags recorded"),
    reason: () => "Scans do not change care without red flags, find incidental changes that worry people, and lead to more procedures.",
    evidence: () => IMAGING_EVIDENCE,
  }),
  avoidRule({
    id: "avoid.nsaid",
    version: 8,
    title: "Avoid NSAIDs where unsafe, after an NSAID trial did not help, and daily NSAIDs for months",
    therapy: "nsaid",
    cites: ["nice-ng59", "backstep-source-article", "kdigo-2024-ckd", "acg-2009-nsaid-ulcer", "beers-2023", "fda-2020-nsaid-pregnancy"],
    when: "an NSAID is unsafe for the patient, or one is taken or ordered for chronic pain daily or after an adequate NSAID trial did not help",
    appliesBecause: (facts) => {
      const unsafe = absolute(facts.nsaidContraindications);
      if (unsafe.length) return `Unsafe for this patient (${describeReasons(unsafe)}), including over-the-counter ibuprofen and naproxen`;
      const taken = named(facts, "nsaid", "nsaid") ?? "An NSAID is taken";
      if (facts.chronic && facts.onNsaid && nsaidDidNotHelp(facts)) return `${taken} after an adequate NSAID trial did not help (${facts.trials.get("nsaid")?.because})`;
      const daily = facts.nsaidMeds.some((m) => m.prn !== true) || facts.currentTherapies.includes("nsaid");
      return facts.chronic && daily ? `${taken} for chronic pain` : null;
    },
    // In pregnancy the plan is non-drug, yet a painkiller may still be asked for: the entry names the usual one.
    reason: (facts) =>
      !absolute(facts.nsaidContraindications).length
        ? nsaidDidNotHelp(facts)
          ? "More of an NSAID is unlikely to help where an adequate trial did not, and it adds stomach, kidney and heart risk: the ladder moves to the next option."
          : "Daily NSAIDs for months add stomach, kidney and heart risk; use the lowest dose for the shortest time, as needed rather than daily."
        : facts.assessment.patient.pregnant === true
          ? `An NSAID could cause serious harm here; the ladder uses other options. If a painkiller is needed in pregnancy, ${acetaminophenName(facts.assessment.profile)} for a short time is the usual choice, agreed with the midwife or obstetric team.`
          : "An NSAID could cause serious harm here; the ladder uses other options.",
    evidence: (facts) => {
      const unsafe = absolute(facts.nsaidContraindications);
      return unsafe.length ? unsafe.map((c) => c.evidence) : NSAID_LONG_TERM_EVIDENCE;
    },
  }),
  avoidRule({
    id: "avoid.manipulation-alone",
    version: 2,
    title: "uk profile: spinal manipulation only within an exercise package",
    therapy: "spinal-manipulation",
    cites: ["nice-ng59"],
    when: "uk profile and spinal manipulation is under way without an exercise program",
    appliesBecause: (facts) => (!us(facts) && facts.currentTherapies.includes("spinal-manipulation") && !exercising(facts) ? "Spinal manipulation is under way without an exercise program" : null),
    reason: () => "NICE: manual therapy only as part of a package that includes exercise; on its own it does not change long-term pain.",
    evidence: () => MANUAL_THERAPY_EVIDENCE,
  }),
  avoidRule({
    id: "avoid.massage-alone",
    version: 2,
    title: "Massage only alongside exercise for chronic pain",
    therapy: "massage",
    cites: ["nice-ng59", "acp-2017", "backstep-source-article"],
    when: "massage is under way without an exercise program (uk), or for chronic pain (us)",
    appliesBecause: (facts) => {
      const alone = facts.currentTherapies.includes("massage") && !exercising(facts);
      if (!alone) return null;
      if (us(facts) && !facts.chronic) return null;
      return "Massage is under way without an exercise program";
    },
    reason: (facts) =>
      us(facts)
        ? "Massage helps acute pain and relaxation, but for chronic pain it is not a treatment on its own; pair it with exercise."
        : "NICE: massage and other manual therapy only as part of a package that includes exercise.",
    evidence: (facts) => (us(facts) ? MASSAGE_CHRONIC_EVIDENCE : MANUAL_THERAPY_EVIDENCE),
  }),
  avoidRule({
    id: "avoid.epidural-as-fix",
    version: 3,
    title: "Avoid epidural injections as a permanent fix",
    therapy: "epidural-steroid-injection",
    cites: ["nice-ng59", "chou-2009-aps-interventional", "backstep-source-article"],
    when: "an epidural was tried, the pain is radicular, or procedures are being considered",
    appliesBecause: (facts, draft) => {
      if (facts.recordedTherapies.includes("epidural-steroid-injection")) return "An epidural injection has been tried";
      if (facts.classification.radicular) return "Epidurals are often offered for sciatica-type leg pain";
      return draft.step === "interventional" ? "Procedures are being considered at this step" : null;
    },
    // NICE limits epidurals to acute and severe sciatica (where the acute-care rule suggests one, this entry is left
    // out), so under uk the reason is that limit, not the order of the ladder.
    reason: (facts) =>
      !facts.classification.radicular
        ? "Epidural injections do not help back pain without sciatica, and they are not a permanent fix."
        : us(facts)
          ? "Epidural injections give months of relief at best and do not fix the cause; they come only after exercise and medicines have been tried."
          : "NICE offers an epidural only for acute and severe sciatica, as short-term relief; it is not offered for sciatica that is milder or has lasted longer.",
    evidence: () => EPIDURAL_EVIDENCE,
  }),
  avoidRule({
    id: "avoid.facet-injection",
    version: 2,
    title: "Avoid facet joint steroid injections",
    therapy: "facet-joint-injection",
    cites: ["chou-2009-aps-interventional", "nice-ng59"],
    when: "the pain is localized (facet pain suspected), one was tried, or procedures are being considered",
    appliesBecause: (facts, draft) => {
      if (facts.recordedTherapies.includes("facet-joint-injection")) return "A facet joint injection has been tried";
      if (facts.assessment.pain.localized) return "Localized pain like this is often treated with facet injections";
      return draft.step === "interventional" ? "Procedures are being considered at this step" : null;
    },
    reason: () => "Steroid injections into the facet joints do not relieve back pain better than placebo.",
    evidence: () => FACET_EVIDENCE,
  }),
  avoidRule({
    id: "avoid.acetaminophen-alone",
    version: 7,
    title: "Avoid acetaminophen (paracetamol) alone",
    therapy: "acetaminophen",
    cites: ["nice-ng59", "acp-2017", "fda-2020-nsaid-pregnancy"],
    when: "acetaminophen is taken or ordered, or medicines are being chosen",
    appliesBecause: (facts) => named(facts, "acetaminophen", "acetaminophen") ?? (medicinesInPlay(facts) ? "Medicines are being chosen at this stage" : null),
    // In pregnancy NSAIDs, duloxetine and opioids are all ruled out: the entry must not read as "no painkiller at all".
    reason: (facts) =>
      facts.assessment.patient.pregnant === true
        ? `${capitalized(acetaminophenName(facts.assessment.profile))} on its own does not relieve low back pain better than placebo, so the plan rests on exercise and physical care. In pregnancy it is still the usual choice when a painkiller is needed for a short time, since NSAIDs are not.`
        : `${capitalized(acetaminophenName(facts.assessment.profile))} on its own does not relieve low back pain better than placebo.`,
    evidence: (facts) => (facts.assessment.patient.pregnant === true ? ACETAMINOPHEN_PREGNANCY_EVIDENCE : ACETAMINOPHEN_EVIDENCE),
  }),
  avoidRule({
    id: "avoid.systemic-steroids",
    version: 3,
    title: "Avoid oral corticosteroids",
    therapy: "oral-corticosteroid",
    cites: ["acp-2017", "nice-ng59"],
    when: "a corticosteroid is taken or ordered, or the pain is radicular",
    appliesBecause: (facts) => named(facts, "corticosteroid", "oral-corticosteroid") ?? (facts.classification.radicular ? "Oral steroids are often tried for sciatica-type leg pain" : null),
    reason: () => "Oral steroids do not improve back pain or sciatica and carry their own harms; any course taken for another condition is reviewed with its prescriber.",
    evidence: () => STEROID_EVIDENCE,
  }),
  avoidRule({
    id: "avoid.benzodiazepine",
    version: 4,
    title: "Avoid benzodiazepines for back pain",
    therapy: "benzodiazepine",
    cites: ["nice-ng59", "cdc-2022", "beers-2023"],
    when: "a benzodiazepine is taken or ordered",
    appliesBecause: (facts) => named(facts, "benzodiazepine", "benzodiazepine"),
    reason: (facts) => {
      const age = facts.assessment.patient.ageYears;
      const older = age >= OLDER_ADULT_AGE ? ` At ${age} they also bring confusion, falls and fractures.` : "";
      return `Benzodiazepines do not treat back pain or sciatica, cause dependence, and with opioids can dangerously slow breathing; any reduction is gradual.${older}`;
    },
    evidence: (facts) => (facts.assessment.patient.ageYears >= OLDER_ADULT_AGE ? BENZODIAZEPINE_OLDER_EVIDENCE : BENZODIAZEPINE_EVIDENCE),
  }),
  avoidRule({
    id: "avoid.gabapentinoid",
    version: 3,
    title: "Avoid gabapentinoids",
    therapy: "gabapentinoid",
    cites: ["nice-ng59", "enke-2018-anticonvulsants"],
    when: "a gabapentinoid is taken or ordered, or the pain is radicular or burning",
    appliesBecause: (facts) =>
      named(facts, "gabapentinoid", "gabapentinoid") ??
      (facts.classification.radicular || facts.assessment.pain.neuropathicQuality === true ? "Gabapentin and pregabalin are often offered for leg or burning pain like this" : null),
    reason: () => "Gabapentin and pregabalin do not relieve back pain or sciatica better than placebo and often cause dizziness and drowsiness.",
    evidence: () => GABAPENTINOID_EVIDENCE,
  }),
  avoidRule({
    id: "avoid.tricyclic",
    version: 3,
    title: "Avoid tricyclic antidepressants for back pain",
    therapy: "tricyclic",
    cites: ["nice-ng59", "acp-2017"],
    when: "a tricyclic is taken or ordered, or the pain is burning or electric",
    appliesBecause: (facts) => named(facts, "tricyclic", "tricyclic") ?? (facts.assessment.pain.neuropathicQuality === true ? "Tricyclics are often offered for burning or electric pain" : null),
    reason: () => "Tricyclic antidepressants have not been shown to relieve low back pain and cause drowsiness, falls and anticholinergic effects.",
    evidence: () => TRICYCLIC_EVIDENCE,
  }),
  avoidRule({
    id: "avoid.muscle-relaxant-chronic",
    version: 2,
    title: "Avoid muscle relaxants for chronic pain",
    therapy: "muscle-relaxant",
    cites: ["acp-2017", "beers-2023"],
    when: "the pain is chronic and a muscle relaxant is taken or ordered",
    appliesBecause: (facts) => (facts.chronic ? named(facts, "muscle-relaxant", "muscle-relaxant") : null),
    reason: () => "Muscle relaxants may help for a few days in acute pain, but for chronic pain they add drowsiness, dizziness and falls without lasting benefit, and with an opioid they add to slowed breathing.",
    evidence: () => MUSCLE_RELAXANT_EVIDENCE,
  }),
  avoidRule({
    id: "avoid.muscle-relaxant-older-adult",
    version: 2,
    title: "Avoid muscle relaxants at 65 or over",
    therapy: "muscle-relaxant",
    cites: ["beers-2023"],
    when: "the patient is 65 or over with pain under 12 weeks, and a muscle relaxant is taken or ordered",
    appliesBecause: (facts) => (!facts.chronic && facts.assessment.patient.ageYears >= OLDER_ADULT_AGE ? named(facts, "muscle-relaxant", "muscle-relaxant") : null),
    reason: (facts) =>
      `At ${facts.assessment.patient.ageYears}, muscle relaxants are poorly tolerated: drowsiness, confusion, dry mouth and falls, for doubtful benefit, so Beers advises avoiding most of them. Staying active, with heat if it helps, is the safer choice for acute pain.`,
    evidence: () => MUSCLE_RELAXANT_OLDER_EVIDENCE,
  }),
  avoidRule({
    id: "avoid.duloxetine-after-trial",
    version: 2,
    title: "us profile: duloxetine again after an adequate trial did not help",
    therapy: "duloxetine",
    cites: ["acp-2017", "duloxetine-label"],
    when: "us profile, chronic pain, duloxetine taken or ordered, and an adequate duloxetine trial had no response",
    appliesBecause: (facts) => {
      const trial = facts.trials.get("duloxetine");
      if (!us(facts) || !facts.chronic || trial?.verdict !== "failed" || trial.partial) return null;
      return takesDuloxetine(facts) ? `${facts.ordersNew("duloxetine") ? "Ordered at this visit" : "Takes"}: duloxetine, after an adequate duloxetine trial did not help (${trial.because})` : null;
    },
    reason: () => "More duloxetine is unlikely to help where an adequate trial did not, and its side effects remain: the ladder moves to the next option. Any reduction of it is gradual, to avoid withdrawal symptoms.",
    evidence: () => DULOXETINE_AFTER_TRIAL_EVIDENCE,
  }),
  avoidRule({
    id: "avoid.snri-uk",
    version: 3,
    title: "uk profile: SNRIs not offered",
    therapy: "duloxetine",
    cites: ["nice-ng59", "acp-2017"],
    when: "uk profile, and duloxetine is taken or ordered, the pain is burning, or medicines are being chosen",
    appliesBecause: (facts) => {
      if (us(facts)) return null;
      if (takesDuloxetine(facts)) return "Takes duloxetine";
      if (facts.assessment.pain.neuropathicQuality === true) return "Duloxetine is often offered for burning or electric pain";
      return medicinesInPlay(facts) ? "Medicines are being chosen at this stage" : null;
    },
    reason: () => "NICE does not offer SNRIs such as duloxetine for low back pain (ACP, the us profile, lists duloxetine as second line).",
    evidence: () => SNRI_UK_EVIDENCE,
  }),
  avoidRule({
    id: "avoid.acupuncture-uk",
    version: 2,
    title: "uk profile: acupuncture not offered",
    therapy: "acupuncture",
    cites: ["nice-ng59", "acp-2017"],
    when: "uk profile and acupuncture is recorded",
    appliesBecause: (facts) => (!us(facts) && facts.recordedTherapies.includes("acupuncture") ? "Acupuncture is recorded" : null),
    reason: () => "NICE does not offer acupuncture for low back pain (ACP, the us profile, lists it among non-drug options).",
    evidence: () => ACUPUNCTURE_UK_EVIDENCE,
  }),
];
