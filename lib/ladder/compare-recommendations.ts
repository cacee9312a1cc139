import type { Recommendation } from "./recommendation";

// What would differ if a stored recommendation were produced again by the current rule set (for audit replay).

export type RecommendationDiff = {
  rulesetThen: string;
  rulesetNow: string;
  stepThen: string;
  stepNow: string;
  suspendedThen: boolean;
  suspendedNow: boolean;
  suggestionsAdded: string[];
  suggestionsRemoved: string[];
  primaryChanged: boolean;
  alertsAdded: string[];
  alertsRemoved: string[];
  severityChanged: { code: string; then: string; now: string }[];
  avoidAdded: string[];
  avoidRemoved: string[];
  identical: boolean;
};

const minus = (a: readonly string[], b: readonly string[]) => a.filter((x) => !b.includes(x));

export function compareRecommendations(then: Recommendation, now: Recommendation): RecommendationDiff {
  const next = [then.next.map((s) => s.therapy), now.next.map((s) => s.therapy)] as const;
  const alerts = [then.alerts.map((a) => a.code), now.alerts.map((a) => a.code)] as const;
  const avoid = [then.avoid.map((a) => a.therapy), now.avoid.map((a) => a.therapy)] as const;
  const severityChanged = then.alerts.flatMap((a) => {
    const current = now.alerts.find((b) => b.code === a.code);
    return current && current.severity !== a.severity ? [{ code: a.code, then: a.severity, now: current.severity }] : [];
  });
  const diff = {
    rulesetThen: then.rulesetVersion,
    rulesetNow: now.rulesetVersion,
    stepThen: then.ladder.step,
    stepNow: now.ladder.step,
    suspendedThen: then.ladder.suspended,
    suspendedNow: now.ladder.suspended,
    suggestionsAdded: minus(next[1], next[0]),
    suggestionsRemoved: minus(next[0], next[1]),
    primaryChanged: next[0][0] !== next[1][0],
    alertsAdded: minus(alerts[1], alerts[0]),
    alertsRemoved: minus(alerts[0], alerts[1]),
    severityChanged,
    avoidAdded: minus(avoid[1], avoid[0]),
    avoidRemoved: minus(avoid[0], avoid[1]),
  };
  const identical =
    diff.stepThen === diff.stepNow &&
    diff.suspendedThen === diff.suspendedNow &&
    !diff.primaryChanged &&
    [diff.suggestionsAdded, diff.suggestionsRemoved, diff.alertsAdded, diff.alertsRemoved, diff.avoidAdded, diff.avoidRemoved, diff.severityChanged].every((list) => list.length === 0);
  return { ...diff, identical };
}
