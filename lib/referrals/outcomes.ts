// Outcome measures in PT: change from intake against the minimal clinically important difference (MCID).
// ODI: 10 points (Ostelo 2008 consensus); PEG: 1 point on its 0-10 scale (Krebs 2009 reported ~1 point as meaningful).
export const MCID = { odi: 10, peg: 1 } as const;

export type OutcomeChange = { intake: number | null; latest: number | null; change: number | null; meaningful: boolean | null };

export function outcomeChange(intake: number | null, latest: number | null, mcid: number): OutcomeChange {
  if (intake === null || latest === null) return { intake, latest, change: null, meaningful: null };
  const change = Math.round((latest - intake) * 10) / 10;
  return { intake, latest, change, meaningful: -change >= mcid };
}

export const DISCHARGE_OUTCOMES = ["improved", "partly-improved", "not-improved", "worse"] as const;
export type DischargeOutcome = (typeof DISCHARGE_OUTCOMES)[number];

/** The engine's response vocabulary for the PT trial this discharge closes. */
export const RESPONSE_FOR_OUTCOME: Record<DischargeOutcome, "good" | "partial" | "none"> = {
  improved: "good",
  "partly-improved": "partial",
  "not-improved": "none",
  worse: "none",
};

const pegScore = (peg: unknown): number | null =>
  Array.isArray(peg) && peg.length === 3 ? Math.round(((peg as number[]).reduce((a, b) => a + b, 0) / 3) * 10) / 10 : null;

const odiScore = (odi: unknown): number | null => {
  const answered = Array.isArray(odi) ? (odi as (number | null)[]).filter((v): v is number => v !== null) : [];
  return answered.length ? Math.round((answered.reduce((a, b) => a + b, 0) / (answered.length * 5)) * 1000) / 10 : null;
};

/** PEG and ODI from the first visit that measured them to the latest, against the MCID. */
export function measuredProgress(visits: readonly { peg: unknown; odi: unknown }[]): { peg: OutcomeChange; odi: OutcomeChange } {
  const pegs = visits.map((v) => pegScore(v.peg)).filter((p): p is number => p !== null);
  const odis = visits.map((v) => odiScore(v.odi)).filter((p): p is number => p !== null);
  return {
    peg: outcomeChange(pegs[0] ?? null, pegs.length > 1 ? (pegs.at(-1) as number) : null, MCID.peg),
    odi: outcomeChange(odis[0] ?? null, odis.length > 1 ? (odis.at(-1) as number) : null, MCID.odi),
  };
}

type CourseVisit = { date: Date; attended: boolean; adherencePercent: number | null; painScore: number | null; peg: unknown; odi: unknown };

/** A course's figures so far, from its visits in date order: what a progress note, a plan of care and the discharge report. */
export type CourseFigures = {
  visitsAttended: number;
  visitsMissed: number;
  /** Weeks from the first attended visit to the last, to one decimal. */
  weeks: number;
  adherencePercent: number | null;
  /** The latest pain score recorded at a visit, 0-10. */
  latestPain: number | null;
  peg: OutcomeChange;
  odi: OutcomeChange;
};

const mean = (values: number[]) => (values.length ? Math.round(values.reduce((a, b) => a + b, 0) / values.length) : null);

export function courseFigures(visits: readonly CourseVisit[]): CourseFigures {
  const attended = visits.filter((v) => v.attended);
  const first = attended[0]?.date;
  const last = attended.at(-1)?.date;
  const pains = visits.map((v) => v.painScore).filter((p): p is number => p !== null);
  return {
    visitsAttended: attended.length,
    visitsMissed: visits.length - attended.length,
    weeks: first && last ? Math.round(((last.getTime() - first.getTime()) / (7 * 86_400_000)) * 10) / 10 : 0,
    adherencePercent: mean(visits.map((v) => v.adherencePercent).filter((a): a is number => a !== null)),
    latestPain: pains.at(-1) ?? null,
    ...measuredProgress(visits),
  };
}
