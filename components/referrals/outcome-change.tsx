import type { OutcomeChange } from "@/lib/referrals/outcomes";

/** One outcome measure from intake to latest, and whether the change reaches the clinically important difference. */
export function describeOutcomeChange(label: string, change: OutcomeChange, unit = ""): string {
  if (change.change === null) return `${label}: not yet measured twice`;
  const direction = change.change < 0 ? "down" : change.change > 0 ? "up" : "unchanged";
  return `${label}: ${change.intake}${unit} → ${change.latest}${unit} (${direction} ${Math.abs(change.change)}${unit}; ${change.meaningful ? "a clinically important improvement" : "below the clinically important difference"})`;
}
