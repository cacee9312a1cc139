import { describeAdherenceThreshold, MODERATE_PAIN, type TrialAssessment } from "./adequacy";
import type { BaseFacts } from "./facts";
import { absolute, describeReasons, type Contraindication } from "./medication-safety";

// Where the patient stands on each rung: the facts the ladder rules decide from, with the reasons they show.

/** Supervised, exercise-based programs: an adequate one that did not help means the conservative rung was tried. */
export const SUPERVISED_PROGRAMS = ["physical-therapy", "psychologically-informed-pt", "multidisciplinary-rehabilitation", "group-exercise"] as const;
export const HOME_PROGRAMS = ["home-exercise", "self-management"] as const;

export type ConservativeState = "not-tried" | "in-progress" | "responding" | "low-adherence" | "tried";
export type ConservativeStatus = { state: ConservativeState; trial: TrialAssessment | null; because: string };

type Verdict = TrialAssessment["verdict"];

type Trials = readonly (TrialAssessment | undefined)[];

/** The first of the trials with the verdict (or the second one given), in the programs' order. */
function firstTrial(trials: Trials, verdict: Verdict, orVerdict: Verdict = verdict): TrialAssessment | null {
  for (const trial of trials) if (trial && (trial.verdict === verdict || trial.verdict === orVerdict)) return trial;
  return null;
}

export function conservativeStatus(facts: BaseFacts): ConservativeStatus {
  // Each program's trial is looked up once; the order within each list decides which trial speaks for the rung.
  const supervised = SUPERVISED_PROGRAMS.map((therapy) => facts.trials.get(therapy));
  const home = HOME_PROGRAMS.map((therapy) => facts.trials.get(therapy));
  if (!supervised.some(Boolean) && !home.some(Boolean)) return { state: "not-tried", trial: null, because: "no conservative care recorded" };
  const running = firstTrial(supervised, "in-progress") ?? firstTrial(home, "in-progress");
  if (running) return { state: "in-progress", trial: running, because: running.because };
  const responding = firstTrial(supervised, "responding");
  if (responding) return { state: "responding", trial: responding, because: responding.because };
  const tried = firstTrial(supervised, "failed", "not-tolerated");
  if (tried) return { state: "tried", trial: tried, because: `conservative care tried adequately: ${tried.because}` };
  // With covered PT visits used up, the home program is the conservative care there is.
  const homeTried = facts.ptVisitsLeft === 0 ? firstTrial(home, "failed") : null;
  if (homeTried) return { state: "tried", trial: homeTried, because: `covered PT visits are used up and the home program was tried adequately: ${homeTried.because}` };
  const sunk = firstTrial(supervised, "low-adherence") ?? firstTrial(home, "low-adherence");
  if (sunk) return { state: "low-adherence", trial: sunk, because: `${sunk.because} (${describeAdherenceThreshold(facts.assessment.settings.adherenceThresholdPercent)})` };
  const homeResponding = firstTrial(home, "responding");
  if (homeResponding) return { state: "responding", trial: homeResponding, because: homeResponding.because };
  let partial = "";
  for (const trial of [...supervised, ...home]) if (trial) partial += `${partial ? "; " : ""}${trial.because}`;
  return { state: "not-tried", trial: null, because: `no adequate supervised exercise program yet (${partial})` };
}

export type PharmOption = "nsaid" | "duloxetine";
export type PharmOptionStatus = {
  option: PharmOption;
  state: "active" | "available" | "tried" | "unsafe" | "excluded";
  contraindications: Contraindication[];
  because: string;
};
/** `not-needed`: a medicine could be next, but the pain is mild, so none is started. */
export type PharmStatus = { state: "active" | "next" | "not-needed" | "exhausted"; option: PharmOptionStatus | null; options: [PharmOptionStatus, PharmOptionStatus]; because: string };

/** The medications the profile puts on the ladder, in order: NSAIDs first, then duloxetine (ACP 2017; NICE does not offer SNRIs). */
export function pharmacologicStatus(facts: BaseFacts, unsafe: Record<PharmOption, Contraindication[]>): PharmStatus {
  const options: [PharmOptionStatus, PharmOptionStatus] = [optionStatus(facts, "nsaid", unsafe.nsaid), optionStatus(facts, "duloxetine", unsafe.duloxetine)];
  const active = options.find((o) => o.state === "active");
  if (active) return { state: "active", option: active, options, because: active.because };
  const available = options.find((o) => o.state === "available");
  const both = `${options[0].because}; ${options[1].because}`;
  const { intensity } = facts.assessment.pain;
  if (available && intensity < MODERATE_PAIN) return { state: "not-needed", option: null, options, because: `pain is mild (${intensity}/10): no new medicine is needed (${both})` };
  if (available) return { state: "next", option: available, options, because: both };
  return { state: "exhausted", option: null, options, because: `medication step tried or unsafe: ${both}` };
}

function optionStatus(facts: BaseFacts, option: PharmOption, contraindications: Contraindication[]): PharmOptionStatus {
  const onIt = option === "nsaid" ? facts.nsaidMeds.length > 0 : facts.medications.some((m) => m.drug === "duloxetine");
  const trial = facts.trials.get(option);
  if (option === "duloxetine" && facts.assessment.profile === "uk") {
    return { option, contraindications, state: "excluded", because: "duloxetine: not offered under NICE NG59 (SNRIs are not recommended for low back pain)" };
  }
  if (trial?.verdict === "failed" || trial?.verdict === "not-tolerated") return { option, contraindications, state: "tried", because: trial.because };
  // Unsafe wins over "currently taken": continuing a contraindicated drug is not a step to suggest. Cautions do not
  // make a drug unsafe: it stays on the ladder with the advice that makes it safer.
  const unsafe = absolute(contraindications);
  if (unsafe.length) return { option, contraindications, state: "unsafe", because: `${option}: unsafe here (${describeReasons(unsafe)})` };
  const care = contraindications.length ? ` (with care: ${describeReasons(contraindications)})` : "";
  if (trial?.verdict === "in-progress" || trial?.verdict === "responding") return { option, contraindications, state: "active", because: `${trial.because}${care}` };
  if (onIt && !trial) return { option, contraindications, state: "active", because: `${option}: currently taken (trial length and response not recorded)${care}` };
  if (trial) return { option, contraindications, state: "available", because: `${trial.because}; not yet an adequate trial${care}` };
  return { option, contraindications, state: "available", because: `${option}: not yet tried${care}` };
}
