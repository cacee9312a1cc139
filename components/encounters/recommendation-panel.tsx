"use client";

import type { Alert, AvoidEntry, Recommendation, TraceEntry } from "@/lib/ladder/recommendation";
import { DECISION_REASONS } from "@/lib/encounters/decision-reasons";
import { STEP_LABEL } from "@/lib/ladder/step-labels";
import { notCountedInMme } from "@/lib/ladder/mme";
import { Badge } from "@/components/ui/badge";
import { EvidenceDetails } from "./evidence-details";
import { TaperScheduleDetails } from "./taper-schedule-details";
import { decisionKey, type DecisionDraft } from "./decision-types";

const SEVERITY_TONE = { critical: "critical", warning: "warning", info: "info" } as const;
// The avoid entries most likely to matter are first; the rest are a click away.
const AVOID_SHOWN = 3;

/** Where an alert sits in the panel, for links that take the clinician to it. */
export const alertAnchor = (code: string) => `alert-${code}`;

type Props = {
  recommendation: Recommendation;
  decisions: Record<string, DecisionDraft>;
  onDecide?: (decision: DecisionDraft) => void;
};

/** The recommendation as the clinician sees it: where the patient stands, critical alerts, next steps, other alerts, then what to avoid. */
export function RecommendationPanel({ recommendation, decisions, onDecide }: Props) {
  const traceOf = (ruleId: string | undefined) => recommendation.trace.find((t) => t.ruleId === ruleId);
  const decided = (target: DecisionDraft["target"], key: string) => decisions[decisionKey(target, key)];
  // Critical alerts come before everything else: they hold signing until answered.
  const critical = recommendation.alerts.filter((a) => a.severity === "critical");
  const others = recommendation.alerts.filter((a) => a.severity !== "critical");
  const notCounted = notCountedInMme(recommendation.mme);
  return (
    <section aria-label="Recommendation" className="space-y-4">
      <div className={`rounded-lg border p-4 ${recommendation.ladder.suspended ? "border-critical bg-red-50" : "border-line bg-white"}`}>
        <p className="text-xs uppercase tracking-wide text-muted">Where the patient stands</p>
        <p className="text-lg font-semibold" data-testid="ladder-step">
          {STEP_LABEL[recommendation.ladder.step]}
          {recommendation.ladder.suspended && <span className="ml-2 text-critical">(ladder suspended)</span>}
        </p>
        <p className="mt-1 text-sm">{recommendation.ladder.rationale}</p>
        <p className="mt-2 text-xs text-muted">
          MME/day: {recommendation.mme.computable ? recommendation.mme.totalPerDay : `not computable (at least ${recommendation.mme.computedPerDay})`}
          {notCounted.length > 0 ? ` (not counted: ${notCounted.join(", ")})` : ""}
          {recommendation.mme.currentPerDay !== undefined && recommendation.mme.currentPerDay !== recommendation.mme.totalPerDay
            ? ` with this visit's orders (before them: ${recommendation.mme.currentPerDay ?? "not computable"})`
            : ""}{" "}
          · rule set {recommendation.rulesetVersion} ·{" "}
          {recommendation.profile === "us" ? "ACP/CDC (us)" : "NICE (uk)"}
        </p>
      </div>

      {critical.length > 0 && (
        <div>
          <h3 className="mb-2 font-semibold text-critical">Critical alerts</h3>
          <ul className="space-y-2">
            {critical.map((alert) => (
              <AlertItem key={alert.code} alert={alert} decision={decided("alert", alert.code)} onDecide={onDecide} trace={traceOf(alert.ruleId)} />
            ))}
          </ul>
        </div>
      )}

      <div>
        <h3 className="mb-2 font-semibold">Next steps</h3>
        <ol className="space-y-2" aria-label="Next steps">
          {recommendation.next.map((suggestion, index) => {
            const decision = decided("suggestion", suggestion.id);
            return (
              <li key={suggestion.id} className="rounded-md border border-line bg-white p-3" aria-label={suggestion.title}>
                <div className="flex items-start justify-between gap-2">
                  <div>
                    {index === 0 && <Badge tone="info">Primary</Badge>} <span className="font-medium">{suggestion.title}</span>
                    <p className="text-sm text-muted">{suggestion.detail}</p>
                  </div>
                  {onDecide ? (
                    <div className="flex shrink-0 gap-1" role="group" aria-label={`Decision on ${suggestion.title}`}>
                      {(["accepted", "declined"] as const).map((response) => (
                        <button
                          key={response}
                          type="button"
                          aria-pressed={decision?.response === response}
                          onClick={() => onDecide({ target: "suggestion", itemKey: suggestion.id, response })}
                          className={`rounded border px-2 py-1 text-xs ${decision?.response === response ? "border-brand bg-brand text-white" : "border-line"}`}
                        >
                          {response === "accepted" ? "Accept" : "Decline"}
                        </button>
                      ))}
                    </div>
                  ) : (
                    decision && <Badge tone={decision.response === "accepted" ? "ok" : "neutral"}>{decision.response}</Badge>
                  )}
                </div>
                {suggestion.therapy === "opioid-taper-plan" && recommendation.taperSchedule && <TaperScheduleDetails schedule={recommendation.taperSchedule} />}
                <EvidenceDetails evidence={suggestion.evidence} trace={traceOf(suggestion.id.split("/")[0])} />
              </li>
            );
          })}
        </ol>
      </div>

      {others.length > 0 && (
        <div>
          <h3 className="mb-2 font-semibold">Alerts</h3>
          <ul className="space-y-2">
            {others.map((alert) => (
              <AlertItem key={alert.code} alert={alert} decision={decided("alert", alert.code)} onDecide={onDecide} trace={traceOf(alert.ruleId)} />
            ))}
          </ul>
        </div>
      )}

      {recommendation.avoid.length > 0 && (
        <div>
          <h3 className="mb-2 font-semibold">Avoid</h3>
          <ul className="space-y-1">
            {recommendation.avoid.slice(0, AVOID_SHOWN).map((entry) => (
              <AvoidItem key={entry.therapy} entry={entry} trace={traceOf(entry.ruleId)} />
            ))}
          </ul>
          {recommendation.avoid.length > AVOID_SHOWN && (
            <details className="mt-1">
              <summary className="cursor-pointer text-sm text-brand">Show all {recommendation.avoid.length}</summary>
              <ul className="mt-1 space-y-1">
                {recommendation.avoid.slice(AVOID_SHOWN).map((entry) => (
                  <AvoidItem key={entry.therapy} entry={entry} trace={traceOf(entry.ruleId)} />
                ))}
              </ul>
            </details>
          )}
        </div>
      )}

      {recommendation.profileDifferences.length > 0 && (
        <div>
          <h3 className="mb-2 font-semibold">Where the guidelines differ</h3>
          <ul className="space-y-1 text-sm">
            {recommendation.profileDifferences.map((difference) => (
              <li key={difference.therapy} className="rounded-md border border-line bg-white p-2">
                <span className="font-medium">{difference.therapy.replace(/-/g, " ")}</span>: us — {difference.us} uk — {difference.uk}
                <EvidenceDetails evidence={difference.evidence} />
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function AvoidItem({ entry, trace }: { entry: AvoidEntry; trace?: TraceEntry }) {
  return (
    <li className="rounded-md border border-line bg-white p-2 text-sm">
      <span className="font-medium">{entry.therapy.replace(/-/g, " ")}</span>: {entry.reason}
      <EvidenceDetails evidence={entry.evidence} trace={trace} />
    </li>
  );
}

function AlertItem({ alert, decision, onDecide, trace }: { alert: Alert; decision?: DecisionDraft; onDecide?: (d: DecisionDraft) => void; trace?: TraceEntry }) {
  const id = alertAnchor(alert.code);
  const overriding = decision?.response === "overridden";
  return (
    <li id={id} tabIndex={-1} className={`rounded-md border p-3 ${alert.severity === "critical" ? "border-critical" : "border-line"} bg-white`} aria-labelledby={`${id}-summary`}>
      <div className="flex items-start gap-2">
        <Badge tone={SEVERITY_TONE[alert.severity]}>{alert.severity}</Badge>
        <div className="flex-1">
          <p id={`${id}-summary`} className="font-medium">
            {alert.summary}
          </p>
          <p className="text-sm text-muted">{alert.detail}</p>
        </div>
      </div>
      {onDecide ? (
        <div className="mt-2 space-y-2">
          <div className="flex gap-1" role="group" aria-label={`Decision on ${alert.summary}`}>
            {(["acknowledged", "overridden"] as const).map((response) => (
              <button
                key={response}
                type="button"
                aria-pressed={decision?.response === response}
                onClick={() => onDecide({ target: "alert", itemKey: alert.code, response, reasonCode: decision?.reasonCode, comment: decision?.comment })}
                className={`rounded border px-2 py-1 text-xs ${decision?.response === response ? "border-brand bg-brand text-white" : "border-line"}`}
              >
                {response === "acknowledged" ? "Acknowledge" : "Override"}
              </button>
            ))}
          </div>
          {overriding && (
            <div className="grid gap-2 sm:grid-cols-2">
              <div>
                <label className="text-xs" htmlFor={`${id}-reason`}>
                  Reason
                </label>
                <select
                  id={`${id}-reason`}
                  className="mt-1 block w-full rounded border border-line px-2 py-1 text-sm"
                  value={decision.reasonCode ?? ""}
                  onChange={(e) => onDecide({ ...decision, reasonCode: (e.target.value || undefined) as DecisionDraft["reasonCode"] })}
                >
                  <option value="">Choose a reason…</option>
                  {Object.entries(DECISION_REASONS).map(([code, label]) => (
                    <option key={code} value={code}>
                      {label}
                    </option>
                  ))}
                </select>
              </div>
              <div>
                <label className="text-xs" htmlFor={`${id}-comment`}>
                  Comment{alert.severity === "critical" ? " (required for a critical alert)" : ""}
                </label>
                <input
                  id={`${id}-comment`}
                  className="mt-1 block w-full rounded border border-line px-2 py-1 text-sm"
                  value={decision.comment ?? ""}
                  onChange={(e) => onDecide({ ...decision, comment: e.target.value })}
                />
              </div>
            </div>
          )}
        </div>
      ) : (
        decision && (
          <p className="mt-1 text-xs">
            <Badge tone={decision.response === "overridden" ? "warning" : "ok"}>{decision.response}</Badge> {decision.reasonCode ? DECISION_REASONS[decision.reasonCode as keyof typeof DECISION_REASONS] : ""}{" "}
            {decision.comment}
          </p>
        )
      )}
      <EvidenceDetails evidence={alert.evidence} trace={trace} />
    </li>
  );
}
