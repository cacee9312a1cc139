import type { TaperDose, TaperSchedule, TaperStep } from "@/lib/ladder/taper-schedule";
import { fromIsoDate } from "@/lib/dates";

// Where an agreed opioid taper stands on a given day: the step in force (weeks since it was ordered) and the next one.
// The chart's safety line and the next visit read it from here, so both name the same step.

export type TaperProgress = { orderedOn: string; week: number; step: TaperStep | null; next: TaperStep | null; schedule: TaperSchedule };

const WEEK_MS = 7 * 86_400_000;

/** Null when the order's detail is not a schedule (records from before taper plans were orders). */
export function taperProgress(orderedOn: string, schedule: unknown, today: string): TaperProgress | null {
  const plan = schedule as TaperSchedule | null;
  if (!plan || !Array.isArray(plan.steps)) return null;
  const week = Math.max(0, Math.floor((fromIsoDate(today).getTime() - fromIsoDate(orderedOn).getTime()) / WEEK_MS));
  return { orderedOn, week, step: plan.steps.filter((s) => s.week <= week).at(-1) ?? null, next: plan.steps.find((s) => s.week > week) ?? null, schedule: plan };
}

function doseText(doses: readonly TaperDose[]): string {
  const dose = doses.length === 1 ? doses[0] : undefined;
  if (dose?.dailyMg !== undefined) return `${dose.drug} ${dose.dailyMg} mg a day`;
  if (dose?.mcgPerHour !== undefined) return `${dose.drug} ${dose.mcgPerHour} mcg/h`;
  return "";
}

function stepText(step: TaperStep): string {
  const amounts = [doseText(step.doses), step.mmePerDay !== null ? `${step.mmePerDay} MME/day` : ""].filter(Boolean).join(", ");
  return `${step.percentOfStart}% of the starting dose${amounts ? ` (${amounts})` : ""}`;
}

/** "agreed 2026-10-01; week 5: 90% of the starting dose (oxycodone 72 mg a day, 108 MME/day); next step week 8, 80%" */
export function taperProgressText(progress: TaperProgress): string {
  const now = progress.step ? stepText(progress.step) : "the starting dose";
  const next = progress.next ? `; next step week ${progress.next.week}, ${progress.next.percentOfStart}%` : "; the schedule's last step is reached: review together";
  return `agreed ${progress.orderedOn}; week ${progress.week}: ${now}${next}`;
}
