import { Card } from "@/components/ui/card";
import type { DischargeSummary } from "@/lib/referrals/referral-dto";
import { describeOutcomeChange } from "./outcome-change";

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
        {summary.shortCourseReason && <li>Why the course ended early: {summary.shortCourseReason}</li>}
        <li>{describeOutcomeChange("PEG", summary.peg)}</li>
        <li>{describeOutcomeChange("Oswestry", summary.odi, "%")}</li>
        <li>Therapist&apos;s recommendation: {summary.recommendation}</li>
      </ul>
    </Card>
  );
}
