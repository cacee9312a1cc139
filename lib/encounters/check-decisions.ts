import type { FieldIssue } from "@/lib/errors";
import type { Recommendation } from "@/lib/ladder/recommendation";
import type { DecisionInput } from "./sign-input";

const RESPONSES_FOR = {
  suggestion: ["accepted", "declined"],
  alert: ["acknowledged", "overridden"],
  avoid: ["acknowledged", "overridden"],
} as const;

/**
 * Checks the clinician's decisions against the recommendation they answer: each must name an item that exists,
 * use a response that fits it, give a coded reason to override, and a comment to override a critical alert. Every
 * critical alert must be answered before the encounter can be signed.
 */
export function checkDecisions(recommendation: Recommendation, decisions: DecisionInput[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const keys = {
    suggestion: new Set<string>(recommendation.next.map((s) => s.id)),
    alert: new Set<string>(recommendation.alerts.map((a) => a.code)),
    avoid: new Set<string>(recommendation.avoid.map((a) => a.therapy)),
  };
  decisions.forEach((decision, index) => {
    const at = (field: string) => `decisions.${index}.${field}`;
    if (!keys[decision.target].has(decision.itemKey)) issues.push({ path: at("itemKey"), message: `${decision.itemKey} is not in this recommendation` });
    if (!(RESPONSES_FOR[decision.target] as readonly string[]).includes(decision.response)) {
      issues.push({ path: at("response"), message: `a ${decision.target} is ${RESPONSES_FOR[decision.target].join(" or ")}` });
    }
    if (decision.response === "overridden" && !decision.reasonCode) issues.push({ path: at("reasonCode"), message: "choose a reason to override" });
    const critical = decision.target === "alert" && recommendation.alerts.some((a) => a.code === decision.itemKey && a.severity === "critical");
    if (critical && decision.response === "overridden" && !decision.comment) issues.push({ path: at("comment"), message: "a comment is required to override a critical alert" });
  });
  for (const alert of recommendation.alerts.filter((a) => a.severity === "critical")) {
    const answered = decisions.some((d) => d.target === "alert" && d.itemKey === alert.code);
    if (!answered) issues.push({ path: "decisions", message: `acknowledge or override the critical alert "${alert.summary}" before signing` });
  }
  return issues;
}
