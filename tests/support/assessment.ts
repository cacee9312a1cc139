import type { AssessmentInput } from "../../lib/ladder/assessment-schema";
import { assessmentSchema } from "../../lib/ladder/assessment-schema";
import { evaluate } from "../../lib/ladder/evaluate";
import type { Recommendation } from "../../lib/ladder/recommendation";

// A plain chronic-pain assessment to vary one field at a time in rule tables.
export const BASE: AssessmentInput = {
  profile: "us",
  asOf: "2026-11-27",
  patient: { ageYears: 45, sex: "female" },
  pain: { durationWeeks: 26, intensity: 6 },
  redFlags: [],
  conditions: [],
  treatments: [],
  medications: [],
};

export type Overrides = { [K in keyof AssessmentInput]?: AssessmentInput[K] extends object | undefined ? Partial<NonNullable<AssessmentInput[K]>> | AssessmentInput[K] : AssessmentInput[K] };

export function assessment(overrides: Overrides = {}): AssessmentInput {
  const merged: Record<string, unknown> = { ...BASE };
  for (const [key, value] of Object.entries(overrides)) {
    const base = (BASE as Record<string, unknown>)[key];
    merged[key] = value && typeof value === "object" && !Array.isArray(value) && base && typeof base === "object" && !Array.isArray(base) ? { ...base, ...value } : value;
  }
  return merged as AssessmentInput;
}

export function run(overrides: Overrides = {}): Recommendation {
  return evaluate(assessmentSchema.parse(assessment(overrides)));
}

export const traceOf = (out: Recommendation, ruleId: string) => {
  const entry = out.trace.find((t) => t.ruleId === ruleId);
  if (!entry) throw new Error(`no trace entry for ${ruleId}`);
  return entry;
};

export const therapies = (out: Recommendation) => out.next.map((s) => s.therapy);
export const codes = (out: Recommendation) => out.alerts.map((a) => a.code);
export const avoided = (out: Recommendation) => out.avoid.map((a) => a.therapy);

export const PT_ADEQUATE_NO_RESPONSE = { therapy: "physical-therapy", status: "completed", weeks: 8, sessions: 16, adherencePercent: 80, response: "none" } as const;
export const NSAID_FAILED = { therapy: "nsaid", status: "stopped", weeks: 6, response: "none" } as const;
export const DULOXETINE_FAILED = { therapy: "duloxetine", status: "stopped", weeks: 8, response: "none" } as const;
