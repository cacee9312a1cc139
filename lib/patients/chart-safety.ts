import type { AssessmentInput } from "@/lib/ladder/assessment-schema";
import type { Recommendation } from "@/lib/ladder/recommendation";
import { PDMP_INTERVAL_DAYS, TOXICOLOGY_INTERVAL_DAYS } from "@/lib/ladder/rules/opioid-monitoring-rules";
import { addDays, fromIsoDate, toIsoDate } from "@/lib/dates";
import { taperProgress, type TaperProgress } from "@/lib/encounters/taper-progress";

// The opioid-safety line of the chart, read from the latest signed visit (and the taper plan, wherever it was
// ordered): every figure is the one that visit's recommendation showed, or a date worked out from what it recorded.

/** An order as the chart reads it: its kind and detail (a taper plan's detail is the engine's schedule). */
export type ChartOrder = { kind: string; detail: unknown };
export type SafetyVisit = { date: string; assessment: Partial<AssessmentInput>; orders: readonly ChartOrder[]; recommendation: Recommendation | null };

export type MmeBand = "below 50" | "50 to 89" | "90 or more" | "not computable";
export type Check = { status: "not recorded" | "never" | "up to date" | "overdue"; last: string | null; due: string | null };

export type ChartSafety = {
  mmePerDay: number | null;
  /** At least this much when some dose is unknown. */
  mmeFloor: number;
  band: MmeBand;
  /** The sedating or serotonergic combinations the latest visit raised, in its own words. */
  combinations: string[];
  naloxone: "on hand" | "ordered" | "not on hand" | "not recorded";
  pdmp: Check;
  drugTest: Check;
  taper: TaperProgress | null;
};

export const MME_LINES = [50, 90] as const;
const COMBINATION_ALERTS = new Set(["opioid-benzodiazepine", "opioid-cns-depressant", "serotonergic-combination"]);

function band(perDay: number | null): MmeBand {
  if (perDay === null) return "not computable";
  return perDay >= 90 ? "90 or more" : perDay >= 50 ? "50 to 89" : "below 50";
}

function check(visitDate: string, daysAgo: number | null | undefined, orderedNow: boolean, intervalDays: number, today: string): Check {
  if (!orderedNow && daysAgo === undefined) return { status: "not recorded", last: null, due: null };
  if (!orderedNow && daysAgo === null) return { status: "never", last: null, due: today };
  const last = toIsoDate(addDays(fromIsoDate(visitDate), -(orderedNow ? 0 : (daysAgo as number))));
  const due = toIsoDate(addDays(fromIsoDate(last), intervalDays));
  return { status: due < today ? "overdue" : "up to date", last, due };
}

/** The taper in force: the one ordered at the latest visit that ordered one. */
function taperInForce(visits: readonly SafetyVisit[], today: string): TaperProgress | null {
  const ordered = visits.filter((v) => v.orders.some((o) => o.kind === "taper_plan")).at(-1);
  return ordered ? taperProgress(ordered.date, ordered.orders.find((o) => o.kind === "taper_plan")?.detail, today) : null;
}

/** Null when the latest visit shows no opioid (for pain or for opioid use disorder) and no taper is under way. */
export function chartSafety(visits: readonly SafetyVisit[], today: string): ChartSafety | null {
  const latest = visits.at(-1);
  const recommendation = latest?.recommendation;
  if (!latest || !recommendation) return null;
  const mme = recommendation.mme;
  const onOpioid = mme.items.length > 0;
  const taper = taperInForce(visits, today);
  if (!onOpioid && !taper) return null;
  const safety = latest.assessment.opioidSafety;
  const ordered = (kind: string) => latest.orders.some((o) => o.kind === kind);
  return {
    mmePerDay: mme.totalPerDay,
    mmeFloor: mme.computedPerDay,
    band: band(mme.totalPerDay),
    combinations: recommendation.alerts.filter((a) => COMBINATION_ALERTS.has(a.code)).map((a) => a.summary),
    naloxone: ordered("naloxone") ? "ordered" : safety?.naloxoneOnHand === undefined ? "not recorded" : safety.naloxoneOnHand ? "on hand" : "not on hand",
    pdmp: check(latest.date, safety?.pdmpReviewedDaysAgo, false, PDMP_INTERVAL_DAYS, today),
    drugTest: check(latest.date, safety?.urineDrugTestDaysAgo, ordered("urine_drug_test"), TOXICOLOGY_INTERVAL_DAYS, today),
    taper,
  };
}
