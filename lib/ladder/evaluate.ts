import type * as z from "zod/mini";
import type { FieldIssue } from "@/lib/errors";
import { toFieldIssues } from "@/lib/validation";
import { assessmentSchema, type Assessment } from "./assessment-schema";
import { deriveFacts } from "./facts";
import { differencesFor } from "./profile-differences";
import type { Recommendation, Suggestion, TraceEntry } from "./recommendation";
import { Draft, type Rule } from "./rule";
import { RULES, RULESET_VERSION } from "./rule-registry";
import { URGENCY_TEXT } from "./rules/red-flag-rules";
import { CONTRACT_VERSION, SAFETY_THERAPIES, WORKUP_THERAPIES, type TherapyId } from "./vocabulary";

// The stepped-care engine: a pure function of the Assessment. No clock, no I/O, no randomness, so the same input
// gives the same output byte for byte, in the browser, on the server, in the CLI and in tests.

/** With the ladder suspended only work-up and opioid-safety items may be suggested (invariant 2). */
const ALLOWED_WHEN_SUSPENDED = new Set<TherapyId>([...WORKUP_THERAPIES, ...SAFETY_THERAPIES]);

export function evaluate(assessment: Assessment): Recommendation {
  const facts = deriveFacts(assessment);
  const draft = new Draft();
  // Sized once: every rule leaves one entry.
  const trace: TraceEntry[] = new Array(RULES.length);
  for (let index = 0; index < RULES.length; index += 1) {
    const rule = RULES[index] as Rule;
    draft.ruleId = rule.id;
    const entry = rule.evaluate(facts, draft);
    entry.ruleId = rule.id;
    entry.ruleVersion = rule.version;
    trace[index] = entry;
  }

  let next: Suggestion[] = draft.next();
  if (draft.suspended) {
    next = next.filter((s) => ALLOWED_WHEN_SUSPENDED.has(s.therapy));
    draft.step = "urgent-evaluation";
    const findings = facts.redFlagFindings;
    const urgency = findings.some((f) => f.urgency === "emergency") ? "emergency" : "urgent";
    draft.rationale = `Red flags point to serious pathology (${findings.map((f) => f.because).join("; ")}): ${URGENCY_TEXT[urgency]}. The ladder is suspended until the work-up rules it out.`;
  }

  return {
    contractVersion: CONTRACT_VERSION,
    rulesetVersion: RULESET_VERSION,
    profile: assessment.profile,
    asOf: assessment.asOf,
    classification: facts.classification,
    ladder: { suspended: draft.suspended, step: draft.step, rationale: draft.rationale },
    next,
    alerts: draft.alerts,
    avoid: draft.avoid,
    mme: facts.mme,
    profileDifferences: draft.suspended ? [] : differencesFor(draft),
    taperSchedule: draft.taperSchedule,
    trace,
  };
}

export type InvalidAssessment = { error: "invalid-assessment"; issues: FieldIssue[] };

/**
 * Validates untrusted input, then evaluates it: the entry point for the CLI, the API and the browser.
 * `defaultAsOf` fills a missing evaluation date; callers pass their own today, the engine never reads a clock.
 */
export function recommend(input: unknown, defaultAsOf?: string): { ok: true; recommendation: Recommendation } | { ok: false; error: InvalidAssessment } {
  const dated = defaultAsOf && isPlainObject(input) && !("asOf" in input) ? { ...input, asOf: defaultAsOf } : input;
  const parsed = assessmentSchema.safeParse(dated);
  if (!parsed.success) return { ok: false, error: invalidAssessment(parsed.error) };
  return { ok: true, recommendation: evaluate(parsed.data) };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function invalidAssessment(error: z.core.$ZodError): InvalidAssessment {
  return { error: "invalid-assessment", issues: toFieldIssues(error) };
}
