/** Whether a rate (0-1) meets a target (percent) in the measure's better direction; null when there is no rate. */
export function meetsTarget(rate: number | null, targetPercent: number, better: "lower" | "higher"): boolean | null {
  if (rate === null) return null;
  const percent = Math.round(rate * 1000) / 10;
  return better === "lower" ? percent <= targetPercent : percent >= targetPercent;
}
