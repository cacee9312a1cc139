import type { Assessment, Medication } from "./assessment-schema";
import { deriveFacts, type Facts } from "./facts";
import { absolute } from "./medication-safety";
import { round } from "./scores";
import type { DrugId } from "./vocabulary";
import { acetaminophenName, count } from "./wording";

// The first phase of a gradual opioid taper, for the visit and the patient's plan: from today's dose down to half of
// it in steps of 10% of the starting dose, then a review together. The pace follows how long the opioid has been
// taken (HHS 2019; CDC 2022 rec. 5): 10% a month after a year or more (or when the length is not known), 10% a week
// after weeks to months. The goal after the review is the patient's to agree, not the engine's to set.

export const TAPER_STEP_PERCENT = 10;
export const TAPER_REVIEW_PERCENT = 50;
export const LONG_TERM_WEEKS = 52;

export type TaperDose = { drug: DrugId; dailyMg?: number; mcgPerHour?: number };
export type TaperStep = { week: number; percentOfStart: number; mmePerDay: number | null; doses: TaperDose[] };
export type TaperSchedule = {
  /** MME/day at the start; null when some opioid's dose cannot be computed (the steps then give percentages only). */
  startMmePerDay: number | null;
  start: TaperDose[];
  pace: "weekly" | "monthly";
  weeksPerStep: number;
  stepPercentOfStart: number;
  paceReason: string;
  steps: TaperStep[];
  review: string;
  /** What to do when the next step is hard. */
  pauses: string;
  withdrawal: { symptoms: string; whatToDo: string }[];
  safety: string[];
};

/** A medicine's daily amount as the sig gives it, or null when it cannot be worked out. */
function dailyAmount(m: Medication): TaperDose | null {
  if (m.mcgPerHour !== undefined && (m.form === "patch" || m.drug === "fentanyl" || m.drug === "buprenorphine")) return { drug: m.drug, mcgPerHour: m.mcgPerHour };
  if (m.doseMg !== undefined && m.dosesPerDay !== undefined) return { drug: m.drug, dailyMg: round(m.doseMg * m.dosesPerDay, 2) };
  return null;
}

function scaled(dose: TaperDose, percent: number): TaperDose {
  return {
    drug: dose.drug,
    ...(dose.dailyMg !== undefined ? { dailyMg: round((dose.dailyMg * percent) / 100, 1) } : {}),
    ...(dose.mcgPerHour !== undefined ? { mcgPerHour: round((dose.mcgPerHour * percent) / 100, 1) } : {}),
  };
}

function pace(facts: Facts): Pick<TaperSchedule, "pace" | "weeksPerStep" | "paceReason"> {
  const weeks = facts.opioidCourseWeeks;
  if (weeks === null) {
    return { pace: "monthly", weeksPerStep: 4, paceReason: "how long the opioid has been taken is not recorded, so the slower pace for long-term use: 10% of the starting dose every 4 weeks" };
  }
  if (weeks >= LONG_TERM_WEEKS) {
    return { pace: "monthly", weeksPerStep: 4, paceReason: `taken for ${count(weeks, "week")} (a year or more): 10% of the starting dose every 4 weeks is better tolerated after long-term use` };
  }
  return { pace: "weekly", weeksPerStep: 1, paceReason: `taken for ${count(weeks, "week")} (under a year): 10% of the starting dose a week is usually tolerated after weeks to months of use; slow it if withdrawal is hard` };
}

/** The schedule for the opioids an assessment's list holds after its orders, for a taper ordered whether or not one was suggested; null without an opioid for pain. */
export function taperScheduleFor(assessment: Assessment): TaperSchedule | null {
  const facts = deriveFacts(assessment);
  return facts.opioidMeds.length ? taperSchedule(facts) : null;
}

/** Where the schedule's first phase goes, in words: "90 to 45 MME/day by week 20". */
export function firstPhase(schedule: TaperSchedule): string {
  const last = schedule.steps[schedule.steps.length - 1];
  return schedule.startMmePerDay !== null && last ? `${schedule.startMmePerDay} to ${last.mmePerDay} MME/day by week ${last.week}` : `to half the starting dose by week ${last?.week}`;
}

/** The opioids a schedule reduces and their MME/day at the start (null when some dose cannot be computed). */
export type TaperCourse = { opioids: readonly Medication[]; startMmePerDay: number | null };

/** A schedule for the opioids taken after this visit's orders, or for another course (opioids a stop order would end at once). */
export function taperSchedule(facts: Facts, course: TaperCourse = { opioids: facts.opioidMeds, startMmePerDay: facts.mme.totalPerDay }): TaperSchedule {
  const nsaidSafe = absolute(facts.nsaidContraindications).length === 0;
  const start = course.opioids.map(dailyAmount);
  const known = start.every((dose): dose is TaperDose => dose !== null) ? start : [];
  // Doses are shown for a single opioid; with more than one, they are reduced one at a time, so only the total is given.
  const doses = known.length === 1 ? known : [];
  const startMme = course.startMmePerDay;
  const chosen = pace(facts);
  const steps: TaperStep[] = [];
  for (let percent = 100 - TAPER_STEP_PERCENT, step = 1; percent >= TAPER_REVIEW_PERCENT; percent -= TAPER_STEP_PERCENT, step += 1) {
    steps.push({
      week: step * chosen.weeksPerStep,
      percentOfStart: percent,
      mmePerDay: startMme === null ? null : round((startMme * percent) / 100, 1),
      doses: doses.map((dose) => scaled(dose, percent)),
    });
  }
  const reviewWeek = steps[steps.length - 1]?.week ?? 0;
  const several = course.opioids.length > 1 ? " With more than one opioid, reduce one at a time (agree which first); the steps give the total." : "";
  return {
    startMmePerDay: startMme,
    start: doses,
    ...chosen,
    stepPercentOfStart: TAPER_STEP_PERCENT,
    steps,
    review: `At week ${reviewWeek} the dose is half the starting dose: review pain, function, mood and withdrawal together and agree whether to hold there or keep reducing, and at what pace.${several}`,
    pauses: "Hold a step for as long as needed when withdrawal, pain or life events make the next one hard, then carry on; slow the pace rather than go back up, and never speed up to catch up.",
    withdrawal: [
      { symptoms: "anxiety, restlessness, sweating, goose flesh, fast heartbeat", whatToDo: "clonidine or lofexidine for a few days, checking blood pressure" },
      { symptoms: "diarrhoea or stomach cramps", whatToDo: "loperamide; an antispasmodic for cramps" },
      { symptoms: "nausea", whatToDo: "an antiemetic such as ondansetron" },
      { symptoms: "muscle aches", whatToDo: nsaidSafe ? `${acetaminophenName(facts.assessment.profile)} or an NSAID for a few days` : `${acetaminophenName(facts.assessment.profile)} (an NSAID is unsafe for this patient)` },
      { symptoms: "poor sleep", whatToDo: "sleep routine and reassurance; no benzodiazepine or sleeping pill alongside the opioid" },
      { symptoms: "pain worse after a step", whatToDo: "usually settles within days to weeks; hold the step rather than go back up" },
      { symptoms: "low mood, anxiety or thoughts of self-harm", whatToDo: "see the patient within days, screen for depression and suicide risk, and arrange mental health support" },
    ],
    safety: [
      "Keep naloxone at home: tolerance falls with the dose, so an amount taken before can now cause an overdose.",
      `One prescriber and one pharmacy; follow up at least every ${chosen.pace === "weekly" ? "week or two" : "month"} during the reduction.`,
      "If signs of opioid use disorder appear, offer buprenorphine or methadone rather than continuing the taper alone.",
    ],
  };
}
