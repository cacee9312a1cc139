import type { Treatment } from "./assessment-schema";
import type { TherapyId } from "./vocabulary";
import { count, therapyName } from "./wording";

// When a trial counts as "tried": long enough and adherent enough. Every threshold lives here, with its source.
//  - PT: programs run 6-8 weeks at 2-3 sessions a week (source article; APTA 2021 CPG dosing), so 6 weeks, or 8
//    attended sessions when only sessions are known (two thirds of the 12 a 6-week, twice-weekly program holds).
//  - Self-management and home exercise: 8-12 weeks of 20-30 minutes a day (source article, citing the UCSF toolkit).
//  - Adherence: 60% by default, an organization's setting (the Assessment's `settings.adherenceThresholdPercent`), not a
//    guideline cut-off. The patient-education article reports that people who kept up about 63% of their program cut
//    pain by 40-50%, so a trial below 60% has not tested the therapy; it is a trial sunk by adherence, not a failed
//    therapy. An organization may set 30-90%.
//  - NSAIDs: 2 weeks at a regular dose is long enough to judge analgesia (ACP 2017 trials; most benefit within days).
//  - Duloxetine: 6 weeks; it takes 4-6 weeks to act (source article; ACP 2017 trials ran 12-13 weeks).
export const DEFAULT_ADHERENCE_THRESHOLD_PERCENT = 60;
/** Pain of 4/10 or more is moderate or worse on the numeric rating scale: a trial that leaves it there did not fully help. */
export const MODERATE_PAIN = 4;
export const ADHERENCE_THRESHOLD_RANGE = { min: 30, max: 90 } as const;

/** The threshold as the texts name it: whose it is matters, since it is a setting and not a guideline figure. */
export function describeAdherenceThreshold(percent: number): string {
  return percent === DEFAULT_ADHERENCE_THRESHOLD_PERCENT ? `Backstep's default adherence threshold of ${percent}%` : `this organization's adherence threshold of ${percent}%`;
}

/** How long a trial must run to count; `adherence` marks programs where too little adherence means it was not tried. */
type Threshold = { minWeeks: number; minSessions?: number; adherence?: true };

export const TRIAL_THRESHOLDS: Partial<Record<TherapyId, Threshold>> = {
  "physical-therapy": { minWeeks: 6, minSessions: 8, adherence: true },
  "psychologically-informed-pt": { minWeeks: 6, minSessions: 8, adherence: true },
  "multidisciplinary-rehabilitation": { minWeeks: 6, adherence: true },
  "group-exercise": { minWeeks: 6, minSessions: 8, adherence: true },
  "home-exercise": { minWeeks: 8, adherence: true },
  "self-management": { minWeeks: 8, adherence: true },
  nsaid: { minWeeks: 2 },
  duloxetine: { minWeeks: 6 },
};

export type TrialVerdict =
  | "in-progress" // still running and not yet long enough to judge, or marked too early
  | "responding" // an adequate trial with a good response
  | "failed" // an adequate trial with no or partial response
  | "not-tolerated" // stopped for side effects: counts as tried (the therapy is unsafe for this person)
  | "low-adherence" // stopped or failed with adherence below the threshold: not a real trial
  | "too-short"; // ended before the minimum duration

/** One recorded trial judged. Its description is built when read: most evaluations never show most trials. */
export class TrialAssessment {
  constructor(
    readonly therapy: TherapyId,
    readonly verdict: TrialVerdict,
    readonly partial: boolean,
    private readonly treatment: Treatment,
    private readonly reason: string,
  ) {}

  get because(): string {
    return `${describeTrial(this.treatment)}: ${this.reason}`;
  }
}

const DEFAULT_THRESHOLD: Threshold = { minWeeks: 4 };
// Read through a map: a lookup by a different key each time is much slower on a plain object.
const THRESHOLD_OF: ReadonlyMap<string, Threshold> = new Map(Object.entries(TRIAL_THRESHOLDS));

/**
 * Judges one recorded trial. `currentIntensity` stands in for a response that was not recorded; below
 * `adherenceThreshold` percent adherence an exercise program was not really tried.
 */
export function assessTrial(treatment: Treatment, currentIntensity: number, adherenceThreshold: number): TrialAssessment {
  const { therapy } = treatment;
  const threshold = THRESHOLD_OF.get(therapy) ?? DEFAULT_THRESHOLD;

  if (treatment.response === "not-tolerated") return new TrialAssessment(therapy, "not-tolerated", false, treatment, "not tolerated, so counted as tried");
  if (treatment.response === "too-early") return new TrialAssessment(therapy, "in-progress", false, treatment, "too early to judge");
  const lowAdherence = threshold.adherence && treatment.adherencePercent !== undefined && treatment.adherencePercent < adherenceThreshold;
  if (lowAdherence && treatment.response !== "good") {
    return new TrialAssessment(therapy, "low-adherence", false, treatment, `adherence ${treatment.adherencePercent}% is below ${adherenceThreshold}%, so the therapy was not really tested`);
  }

  const longEnough =
    treatment.weeks !== undefined
      ? treatment.weeks >= threshold.minWeeks
      : treatment.sessions !== undefined && threshold.minSessions !== undefined
        ? treatment.sessions >= threshold.minSessions
        : undefined;
  if (longEnough === false) {
    const thresholdText = `at least ${threshold.minWeeks} weeks${threshold.minSessions ? ` or ${threshold.minSessions} sessions` : ""}`;
    return treatment.status === "current" ? new TrialAssessment(therapy, "in-progress", false, treatment, `under way, not yet ${thresholdText}`) : new TrialAssessment(therapy, "too-short", false, treatment, `ended before ${thresholdText}`);
  }
  if (longEnough === undefined && treatment.status === "current" && treatment.response === undefined) {
    return new TrialAssessment(therapy, "in-progress", false, treatment, "under way; duration not recorded");
  }
  const durationNote = longEnough === undefined ? " (duration not recorded; counted as a full course)" : "";
  const adherenceNote = threshold.adherence && treatment.adherencePercent === undefined ? " (adherence not recorded)" : "";
  const response = treatment.response ?? (currentIntensity >= MODERATE_PAIN ? "partial" : "good");
  const inferred = treatment.response === undefined ? ` (response not recorded; inferred from current pain ${currentIntensity}/10)` : "";
  if (response === "good") return new TrialAssessment(therapy, "responding", false, treatment, `adequate trial with a good response${inferred}${durationNote}${adherenceNote}`);
  return new TrialAssessment(therapy, "failed", response === "partial", treatment, `adequate trial with ${response === "partial" ? "a partial" : "no"} response${inferred}${durationNote}${adherenceNote}`);
}

// When one therapy was tried more than once, the trial that matters most: one under way, then the outcome of a real trial.
const VERDICT_PRIORITY: TrialVerdict[] = ["in-progress", "responding", "failed", "not-tolerated", "low-adherence", "too-short"];

export function assessTrials(treatments: readonly Treatment[], currentIntensity: number, adherenceThreshold: number): Map<TherapyId, TrialAssessment> {
  const best = new Map<TherapyId, TrialAssessment>();
  for (const treatment of treatments) {
    const assessed = assessTrial(treatment, currentIntensity, adherenceThreshold);
    const previous = best.get(treatment.therapy);
    if (!previous || VERDICT_PRIORITY.indexOf(assessed.verdict) < VERDICT_PRIORITY.indexOf(previous.verdict)) best.set(treatment.therapy, assessed);
  }
  return best;
}

const RESPONSE_WORDS: Record<NonNullable<Treatment["response"]>, string> = { good: "good", partial: "partial", none: "none", "not-tolerated": "not tolerated", "too-early": "too early to judge" };

function describeTrial(t: Treatment): string {
  let parts = "";
  if (t.weeks !== undefined) parts += `, ${count(t.weeks, "week")}`;
  if (t.sessions !== undefined) parts += `, ${count(t.sessions, "session")}`;
  if (t.adherencePercent !== undefined) parts += `, ${t.adherencePercent}% adherence`;
  if (t.response) parts += `, response ${RESPONSE_WORDS[t.response]}`;
  return `${therapyName(t.therapy)} (${t.status}${parts})`;
}
