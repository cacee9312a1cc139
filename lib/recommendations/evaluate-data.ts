import "server-only";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/access/actor";
import { authorize } from "@/lib/audit/guard";
import { recordAudit } from "@/lib/audit/audit-log";
import { recommend } from "@/lib/ladder/evaluate";
import type { InvalidAssessment } from "@/lib/ladder/evaluate";
import type { Recommendation } from "@/lib/ladder/recommendation";
import { toIsoDate } from "@/lib/dates";

export type EvaluationResult = { ok: true; recommendation: Recommendation } | { ok: false; error: InvalidAssessment };

/** Runs the engine for a signed-in user (no patient record involved) and notes the evaluation in the audit trail. */
export async function evaluateForActor(actor: Actor, body: unknown): Promise<EvaluationResult> {
  await authorize(db(), actor, "evaluate", "recommendation", { action: "recommendation.evaluate" });
  const result = recommend(body, toIsoDate(new Date()));
  await recordAudit(db(), {
    actor,
    action: "recommendation.evaluate",
    outcome: result.ok ? "success" : "failure",
    detail: result.ok
      ? { rulesetVersion: result.recommendation.rulesetVersion, step: result.recommendation.ladder.step, suspended: result.recommendation.ladder.suspended }
      : { issues: result.error.issues.length },
  });
  return result;
}
