import { Card } from "@/components/ui/card";
import type { DischargeSummary } from "@/lib/referrals/referral-dto";

type Change = DischargeSummary["peg"];

function describe(label: string, change: Change, unit = ""): string {
  if (change.change === null) return `${label}: not measured at intake and discharge`;
  const direction = change.change < 0 ? "down" : change.change > 0 ? "up" : "unchanged";
  return `${label}: ${change.intake}${unit} → ${change.latest}${unit} (${direction} ${Math.abs(change.change)}${unit}; ${change.meaningful ? "a clinically important improvement" : "below the clinically important difference"})`;
}

/** The therapist's discharge as the referring doctor reads it. */
export function DischargeSummaryView({ discharge }: { discharge: unknown }) {
  const summary = discharge as DischargeSummary;
  return (
    <Card title="PT discharge">
      <ul className="space-y-1 text-sm">
        <li>
          Outcome: <span className="font-medium">{summary.outcome.replace("-", " ")}</span>
        </li>
        <li>
          {summary.visitsAttended} visits attended, {summary.visitsMissed} missed, over {summary.weeks} weeks; home program adherence{" "}
          {summary.adherencePercent === null ? "not recorded" : `${summary.adherencePercent}%`}
        </li>
        <li>{describe("PEG", summary.peg)}</li>
        <li>{describe("Oswestry", summary.odi, "%")}</li>
        <li>Therapist&apos;s recommendation: {summary.recommendation}</li>
      </ul>
    </Card>
  );
}
