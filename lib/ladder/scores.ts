// Scoring of the screening instruments, exactly as published.

export type StartBackResult = { total: number; psychosocial: number; risk: "low" | "medium" | "high" };

/** STarT Back Tool (Hill 2008): total of 9 items; psychosocial subscale = items 5-9; low if total <= 3, high if subscale >= 4. */
export function scoreStartBack(items: readonly number[]): StartBackResult {
  let total = 0;
  let psychosocial = 0;
  for (let i = 0; i < items.length; i += 1) {
    const item = items[i] as number;
    total += item;
    if (i >= 4) psychosocial += item;
  }
  const risk = total <= 3 ? "low" : psychosocial >= 4 ? "high" : "medium";
  return { total, psychosocial, risk };
}

/** PEG (Krebs 2009): the mean of pain, enjoyment of life and general activity, each 0-10. */
export function scorePeg(items: readonly number[]): number {
  return round(sum(items) / items.length, 2);
}

/** Oswestry Disability Index (Fairbank 2000): points scored over points possible in the sections answered, as a percent. */
export function scoreOdi(sections: readonly (number | null)[]): number | null {
  const answered = sections.filter((s): s is number => s !== null);
  if (answered.length === 0) return null;
  return round((sum(answered) / (answered.length * 5)) * 100, 1);
}

/** PHQ-2 (Kroenke 2003) and GAD-2 (Kroenke 2007): a total of 3 or more is a positive screen. */
export function scoreTwoItemScreen(items: readonly number[]): { score: number; positive: boolean } {
  const score = sum(items);
  return { score, positive: score >= 3 };
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

export function round(value: number, places: number): number {
  const factor = 10 ** places;
  return Math.round(value * factor) / factor;
}
