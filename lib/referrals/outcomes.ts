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
