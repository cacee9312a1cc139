import type { RecommendationDiff } from "@/lib/ladder/compare-recommendations";
import { Card } from "@/components/ui/card";

const list = (items: string[]) => (items.length ? items.join(", ") : "none");

/** What the current rule set would show for this signed encounter, against what was shown then. */
export function ReplayCard({ diff }: { diff: RecommendationDiff }) {
  return (
    <Card title="Replay with the current rule set">
      <p className="text-sm">
        Shown then with rule set {diff.rulesetThen}; replayed with {diff.rulesetNow}.{" "}
        {diff.identical ? <span className="font-medium">The recommendation would be the same today.</span> : <span className="font-medium text-warning">The recommendation would differ today:</span>}
      </p>
      {!diff.identical && (
        <ul className="mt-2 list-inside list-disc text-sm">
          {diff.stepThen !== diff.stepNow && (
            <li>
              Step: {diff.stepThen} → {diff.stepNow}
            </li>
          )}
          {diff.suspendedThen !== diff.suspendedNow && <li>Ladder suspended: {String(diff.suspendedThen)} → {String(diff.suspendedNow)}</li>}
          {diff.primaryChanged && <li>The primary suggestion changed</li>}
          <li>
            Suggestions added: {list(diff.suggestionsAdded)}; removed: {list(diff.suggestionsRemoved)}
          </li>
          <li>
            Alerts added: {list(diff.alertsAdded)}; removed: {list(diff.alertsRemoved)}
          </li>
          {diff.severityChanged.map((change) => (
            <li key={change.code}>
              {change.code}: {change.then} → {change.now}
            </li>
          ))}
          <li>
            Avoid added: {list(diff.avoidAdded)}; removed: {list(diff.avoidRemoved)}
          </li>
        </ul>
      )}
    </Card>
  );
}
