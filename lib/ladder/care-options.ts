import type { Facts } from "./facts";
import { cautions, describeReasons, type Contraindication } from "./medication-safety";
import { cite, type EvidenceRef } from "./recommendation";
import type { Step, TbcSubgroup, TherapyId } from "./vocabulary";

// The suggestions the ladder can make, in the product's own words, each with its evidence. Evidence lists that
// never change are built once and shared between evaluations. Every option is written with the same fields in the
// same order (and none is frozen), so the code that reads them sees one shape.

export type CareOption = { therapy: TherapyId; step: Step; title: string; detail: string; evidence: EvidenceRef[] };

const TBC_PROGRAM: Record<TbcSubgroup, string> = {
  "specific-exercise-extension": "extension-biased repeated-movement exercise (pain centralises with extension)",
  "specific-exercise-flexion": "flexion-biased exercise (pain eases bending forward)",
  "lateral-shift": "lateral shift correction followed by extension exercise",
  traction: "nerve-root care: traction or specific exercise and neural mobilisation for the leg symptoms",
  stabilization: "core stabilization (motor control) exercise",
  manipulation: "spinal manipulation with exercise",
};

const PT_EVIDENCE = [
  cite("acp-2017", "Recommendation 2: for chronic low back pain start with non-drug treatment such as exercise and multidisciplinary rehabilitation (strong recommendation)."),
  cite("apta-cpg-2021", "Exercise, including specific trunk and general exercise, is recommended for chronic low back pain (grade A)."),
  cite("backstep-source-article", "The patient-education article reports meaningful relief from PT for 78% of people with chronic low back pain against 52% with medication alone, and 25-30% better outcomes from classification-matched programs."),
];

const PT_WITH_TBC_EVIDENCE = [
  ...PT_EVIDENCE,
  cite("alrwaily-2016-tbc", "Matching the exercise approach to the patient's classification (directional preference, stabilization, traction) guides the program."),
];

const HOME_EVIDENCE = cite("backstep-source-article", "The patient-education article reports success for 82% of people who keep up their home routine against 45% for those who do not, and that even 10 minutes a day counts.");

function workingAdult(facts: Facts): string {
  return facts.assessment.patient.employment === "working" ? " For a working adult, start with what fits the day: even 10 minutes of walking and exercises counts." : "";
}

export function physicalTherapy(facts: Facts, visitsNote = ""): CareOption {
  const subgroup = facts.classification.tbcSubgroup;
  const program = subgroup ? TBC_PROGRAM[subgroup] : "a general program (no movement pattern recorded to match it to)";
  return {
    therapy: "physical-therapy",
    step: "conservative",
    title: "Physical therapy program",
    detail: `6-8 weeks at 2-3 sessions a week, led by ${program}, built on posture retraining, core strengthening, flexibility, aerobic conditioning and pain-tolerance building, with a daily home program.${visitsNote}`,
    evidence: PT_WITH_TBC_EVIDENCE,
  };
}

export const PSYCHOLOGICALLY_INFORMED_PT: Readonly<CareOption> = {
  therapy: "psychologically-informed-pt",
  step: "conservative",
  title: "Psychologically informed physical therapy",
  detail: "For high STarT Back risk: physical therapy that also works on fear of movement, catastrophising and low mood with a cognitive-behavioural approach, 6-8 weeks plus a daily home program.",
  evidence: [
    cite("hill-2011-start-back-trial", "Stratified care sent high-risk patients to psychologically informed physiotherapy and improved disability at 4 and 12 months."),
    cite("nice-ng59", "Consider a combined physical and psychological programme, with a cognitive behavioural approach, for people with significant psychosocial obstacles to recovery."),
  ],
};

const SELF_MANAGEMENT_EVIDENCE = [
  cite("nice-ng59", "Provide advice and information, tailored to the person, to help them self-manage low back pain and continue normal activities."),
  cite("backstep-source-article", "The patient-education article, citing the UCSF toolkit, reports that 20-30 minutes a day for 8-12 weeks at about 63% adherence cut pain by 40-50%."),
];

export function selfManagement(facts: Facts): CareOption {
  return {
    therapy: "self-management",
    step: "conservative",
    title: "Daily self-management routine",
    detail: `20-30 minutes a day for 8-12 weeks: walking, gentle stretching, breathing or relaxation, pacing activity just below the pain, regular sleep, and a daily pain log.${workingAdult(facts)}`,
    evidence: SELF_MANAGEMENT_EVIDENCE,
  };
}

/** The daily routine kept going: the plan when conservative care works, or when the pain is mild and nothing more is needed. */
export function keepUpRoutine(facts: Facts): CareOption {
  return { ...selfManagement(facts), title: "Keep up the self-management routine" };
}

const HOME_PROGRAM_EVIDENCE = [HOME_EVIDENCE, cite("apta-cpg-2021", "Exercise benefits depend on it being done; home programs carry treatment between visits.")];

export function homeExercise(facts: Facts, lead = ""): CareOption {
  return {
    therapy: "home-exercise",
    step: "conservative",
    title: "Home exercise program",
    detail: `${lead ? `${lead}the` : "The"} program's exercises every day, logged so the next visit can see what was done.${workingAdult(facts)}`,
    evidence: HOME_PROGRAM_EVIDENCE,
  };
}

export const HEAT: Readonly<CareOption> = {
  therapy: "heat",
  step: "conservative",
  title: "Superficial heat",
  detail: "A heat wrap or pad for short-term relief while staying active.",
  evidence: [cite("acp-2017", "Recommendation 1: superficial heat for acute or subacute low back pain (moderate-quality evidence).")],
};

export const MULTIDISCIPLINARY_REHABILITATION: Readonly<CareOption> = {
  therapy: "multidisciplinary-rehabilitation",
  step: "conservative",
  title: "Multidisciplinary (combined physical and psychological) rehabilitation",
  detail: "An intensive program combining graded exercise, a cognitive-behavioural approach and work support, for persistent pain and disability when single therapies have not worked.",
  evidence: [
    cite("acp-2017", "Multidisciplinary rehabilitation is among the recommended non-drug treatments for chronic low back pain (moderate-quality evidence)."),
    cite("nice-ng59", "Consider a combined physical and psychological programme when previous treatments have not been effective."),
    cite("chou-2009-aps-interventional", "Interdisciplinary rehabilitation with a cognitive-behavioural emphasis for non-radicular pain that has not responded to usual care (strong recommendation, high-quality evidence)."),
  ],
};

/** The cautions that let a medicine be used safely for this patient, as a sentence. */
function withCare(found: readonly Contraindication[]): string {
  const care = cautions(found);
  if (!care.length) return "";
  // Cautions often share a piece of advice (the lowest dose for the shortest time): each piece is said once.
  const advice = care.length === 1 ? (care[0] as Contraindication).advice : [...new Set(care.flatMap((c) => c.advice.split("; ")))].join("; ");
  return ` For this patient (${describeReasons(care)}): ${advice}.`;
}

const NSAID_EVIDENCE = [
  cite("acp-2017", "Recommendation 3: if non-drug treatment does not help enough, consider NSAIDs as first-line therapy (weak recommendation, moderate-quality evidence)."),
  cite("nice-ng59", "Consider oral NSAIDs at the lowest effective dose for the shortest possible time, taking risks into account."),
  cite("backstep-source-article", "The patient-education article reports 30-40% pain relief from NSAIDs in roughly 65% of people."),
];

export function nsaid(facts: Facts, continuing: boolean): CareOption {
  return {
    therapy: "nsaid",
    step: "pharmacologic",
    title: continuing ? "Continue the NSAID at the lowest dose" : "Add an NSAID to the exercise program",
    detail: `${continuing ? "Keep" : "For example naproxen 500 mg twice daily or ibuprofen 400 mg three times daily with food:"} the lowest dose that helps, for the shortest time, reviewed within 2-4 weeks; not daily for months.${withCare(facts.nsaidContraindications)}`,
    evidence: NSAID_EVIDENCE,
  };
}

const ACUTE_NSAID_EVIDENCE = [
  cite("acp-2017", "Recommendation 1: for acute or subacute low back pain, if a medicine is wanted, NSAIDs or skeletal muscle relaxants (moderate-quality evidence)."),
  cite("nice-ng59", "Consider oral NSAIDs at the lowest effective dose for the shortest possible time, taking risks into account."),
];

/** A short NSAID course for acute or subacute pain, for when the patient wants a medicine (ACP 2017 rec. 1). */
export function acuteNsaid(facts: Facts): CareOption {
  const taking = facts.onNsaid;
  return {
    therapy: "nsaid",
    step: "pharmacologic",
    title: taking ? "Keep the NSAID to a short course" : "If a medicine is wanted: an NSAID for a short course",
    detail: `${taking ? "Keep it" : "For example ibuprofen 400 mg three times daily or naproxen 500 mg twice daily, with food"} at the lowest dose that helps, for days to a couple of weeks while the pain settles, alongside staying active.${withCare(facts.nsaidContraindications)}`,
    evidence: ACUTE_NSAID_EVIDENCE,
  };
}

const DULOXETINE_EVIDENCE = [
  cite("acp-2017", "Recommendation 3: duloxetine (or tramadol) as second-line therapy when non-drug care and NSAIDs have not helped enough."),
  cite("nice-ng59", "Do not offer selective serotonin reuptake inhibitors, serotonin-norepinephrine reuptake inhibitors or tricyclic antidepressants for managing low back pain."),
  cite("backstep-source-article", "The patient-education article reports that duloxetine 60 mg daily halves pain in about 45% of people and takes 4-6 weeks to work."),
];

const DULOXETINE_HELPING_EVIDENCE = [
  ...DULOXETINE_EVIDENCE,
  cite("duloxetine-label", "Reduce the dose gradually when coming off duloxetine: dizziness, nausea, headache and irritability can follow a quick reduction."),
];

export function duloxetine(facts: Facts, continuing: boolean): CareOption {
  const ukNote = "NICE (uk profile) does not offer SNRIs for low back pain.";
  // An adequate trial that is helping is kept going, not judged again at 6 weeks.
  if (continuing && facts.trials.get("duloxetine")?.verdict === "responding") {
    return {
      therapy: "duloxetine",
      step: "pharmacologic",
      title: "Continue duloxetine: it is helping",
      detail: `Keep duloxetine at the dose that helps, alongside the exercise program, and review benefit and side effects at each visit; any later reduction is gradual, over at least 2 weeks. ${ukNote}${withCare(facts.duloxetineContraindications)}`,
      evidence: DULOXETINE_HELPING_EVIDENCE,
    };
  }
  return {
    therapy: "duloxetine",
    step: "pharmacologic",
    title: continuing ? "Continue duloxetine and judge it at 6 weeks" : "Add duloxetine to the exercise program",
    detail: `${continuing ? "Keep duloxetine" : "Duloxetine 30 mg daily for a week, then 60 mg daily"}; it takes 4-6 weeks to act, so judge it at 6 weeks. Nausea and dizziness are common at first. ${ukNote}${withCare(facts.duloxetineContraindications)}`,
    evidence: DULOXETINE_EVIDENCE,
  };
}

export const IMAGING_BEFORE_PROCEDURE: Readonly<CareOption> = {
  therapy: "imaging",
  step: "interventional",
  title: "MRI to plan the procedure",
  detail: "Lumbar MRI only because a procedure or surgical opinion is being considered and the result will guide it.",
  evidence: [
    cite("acr-2021-imaging", "MRI is appropriate for persistent symptoms when the patient is a candidate for surgery or intervention."),
    cite("nice-ng59", "Consider imaging in specialist settings only if the result is likely to change management."),
  ],
};
