import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SOURCES_BY_ID } from "@/lib/evidence/sources";
import { assessmentSchema, type AssessmentInput } from "./assessment-schema";
import { evaluate, recommend } from "./evaluate";
import { deriveFacts } from "./facts";
import {
  AGGRAVATING_MOVEMENTS,
  CONDITIONS,
  DIRECTIONAL_PREFERENCES,
  DISTRIBUTIONS,
  DRUGS,
  EMPLOYMENT,
  MEDICATION_FORMS,
  RED_FLAGS,
  RESPONSES,
  SAFETY_THERAPIES,
  SEXES,
  THERAPIES,
  TREATMENT_STATUSES,
  WORKUP_THERAPIES,
} from "./vocabulary";

// The contract's five invariants, and the error shape, over generated assessments.

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const withoutUndefined = <T extends object>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

const treatment = fc.record({
  therapy: fc.constantFrom(...THERAPIES),
  status: fc.constantFrom(...TREATMENT_STATUSES),
  weeks: optional(fc.integer({ min: 0, max: 60 })),
  sessions: optional(fc.integer({ min: 0, max: 40 })),
  adherencePercent: optional(fc.integer({ min: 0, max: 100 })),
  response: optional(fc.constantFrom(...RESPONSES)),
});

const medication = fc.record({
  drug: fc.constantFrom(...DRUGS),
  form: optional(fc.constantFrom(...MEDICATION_FORMS)),
  doseMg: optional(fc.constantFrom(0.5, 2, 5, 7.5, 10, 15, 30, 60, 100, 400, 500)),
  dosesPerDay: optional(fc.integer({ min: 1, max: 8 })),
  mcgPerHour: optional(fc.constantFrom(12, 25, 50, 75, 100)),
  prn: optional(fc.boolean()),
});

export const assessmentArbitrary: fc.Arbitrary<AssessmentInput> = fc
  .record({
    profile: optional(fc.constantFrom("us" as const, "uk" as const)),
    asOf: fc.constantFrom("2026-01-15", "2026-11-27", "2027-06-30"),
    patient: fc.record({
      ageYears: fc.integer({ min: 18, max: 120 }),
      sex: optional(fc.constantFrom(...SEXES)),
      pregnant: optional(fc.boolean()),
      employment: optional(fc.constantFrom(...EMPLOYMENT)),
    }),
    pain: fc.record({
      durationWeeks: fc.oneof(fc.integer({ min: 0, max: 200 }), fc.constantFrom(3.9, 4, 12, 12.1, 13)),
      intensity: fc.integer({ min: 0, max: 10 }),
      distribution: optional(fc.constantFrom(...DISTRIBUTIONS)),
      radicular: optional(fc.boolean()),
      neuropathicQuality: optional(fc.boolean()),
      localized: optional(fc.boolean()),
      aggravatedBy: optional(fc.uniqueArray(fc.constantFrom(...AGGRAVATING_MOVEMENTS), { maxLength: 4 })),
      directionalPreference: optional(fc.constantFrom(...DIRECTIONAL_PREFERENCES)),
    }),
    redFlags: optional(fc.uniqueArray(fc.constantFrom(...RED_FLAGS), { maxLength: 4 })),
    screening: optional(
      fc.record({
        startBack: optional(fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 9, maxLength: 9 })),
        peg: optional(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 3, maxLength: 3 })),
        odi: optional(fc.array(fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }), { minLength: 10, maxLength: 10 })),
        phq2: optional(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 2, maxLength: 2 })),
        gad2: optional(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 2, maxLength: 2 })),
      }),
    ),
    conditions: optional(fc.uniqueArray(fc.constantFrom(...CONDITIONS), { maxLength: 4 })),
    labs: optional(fc.record({ egfr: optional(fc.integer({ min: 5, max: 130 })) })),
    treatments: optional(fc.array(treatment, { maxLength: 5 })),
    medications: optional(fc.array(medication, { maxLength: 4 })),
    opioidSafety: optional(
      fc.record({
        naloxoneOnHand: optional(fc.boolean()),
        pdmpReviewedDaysAgo: optional(fc.option(fc.integer({ min: 0, max: 800 }), { nil: null })),
        urineDrugTestDaysAgo: optional(fc.option(fc.integer({ min: 0, max: 800 }), { nil: null })),
      }),
    ),
    coverage: optional(fc.record({ ptVisitsUsedThisYear: optional(fc.integer({ min: 0, max: 30 })), ptVisitLimit: optional(fc.integer({ min: 0, max: 30 })) })),
  })
  .map(withoutUndefined);

const ALLOWED_WHEN_SUSPENDED = new Set<string>([...WORKUP_THERAPIES, ...SAFETY_THERAPIES]);
const ADVISES_ENDING = /\b(stop|stopping|discontinue|discontinuing|discontinuation|cease|ceasing|abrupt|abruptly|cold turkey|quit)\b/i;
const RUNS = 1500;

describe("the recommendation contract's invariants hold for generated assessments", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("every generated assessment is valid and evaluates", () => {
    fc.assert(
      fc.property(assessmentArbitrary, (input) => {
        expect(recommend(input).ok).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("1. next never suggests starting an opioid, in any profile", () => {
    fc.assert(
      fc.property(assessmentArbitrary, (input) => {
        const { next } = evaluate(assessmentSchema.parse(input));
        expect(next.map((s) => s.therapy)).not.toContain("opioid");
        expect(next.map((s) => s.therapy)).not.toContain("tramadol");
      }),
      { numRuns: RUNS },
    );
  });

  it("2. a suspended ladder suggests only work-up and safety items", () => {
    fc.assert(
      fc.property(assessmentArbitrary, (input) => {
        const out = evaluate(assessmentSchema.parse(input));
        if (!out.ladder.suspended) return;
        expect(out.ladder.step).toBe("urgent-evaluation");
        expect(out.next.length).toBeGreaterThan(0);
        for (const s of out.next) expect(ALLOWED_WHEN_SUSPENDED.has(s.therapy), s.therapy).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it("3. a step is reached only when the steps below were tried adequately or are unsafe, and the trace says so", () => {
    fc.assert(
      fc.property(assessmentArbitrary, (input) => {
        const assessment = assessmentSchema.parse(input);
        const out = evaluate(assessment);
        if (out.ladder.suspended) return;
        const facts = deriveFacts(assessment);
        const firedLadder = out.trace.filter((t) => t.ruleId.startsWith("ladder.") && t.outcome === "fired");
        expect(firedLadder).toHaveLength(1);
        const ladderTrace = firedLadder[0]!;
        const medicines = out.next.filter((s) => s.therapy === "nsaid" || s.therapy === "duloxetine");
        const procedures = out.next.filter((s) => s.step === "interventional" && s.therapy !== "imaging");
        if (medicines.length || out.ladder.step === "pharmacologic") {
          expect(facts.chronic).toBe(true);
          expect(facts.conservative.state).toBe("tried");
          expect(ladderTrace.because).toContain("tried adequately");
        }
        for (const procedure of procedures) {
          const niceAcuteSciatica = assessment.profile === "uk" && !facts.chronic && procedure.therapy === "epidural-steroid-injection";
          if (niceAcuteSciatica) {
            expect(ladderTrace.because).toContain("NICE exception");
            continue;
          }
          expect(ladderTrace.ruleId).toBe("ladder.interventional");
          expect(facts.conservative.state).toBe("tried");
          expect(facts.pharmacologic.state).toBe("exhausted");
          expect(ladderTrace.because).toMatch(/tried or unsafe/);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("4. no suggestion or alert advises ending an opioid abruptly (or ending anything outright)", () => {
    fc.assert(
      fc.property(assessmentArbitrary, (input) => {
        const out = evaluate(assessmentSchema.parse(input));
        for (const text of [...out.next.flatMap((s) => [s.title, s.detail]), ...out.alerts.flatMap((a) => [a.summary, a.detail])]) {
          expect(text).not.toMatch(ADVISES_ENDING);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("5. the same assessment gives the same recommendation byte for byte, whatever the clock says", () => {
    fc.assert(
      fc.property(assessmentArbitrary, fc.date({ min: new Date("2000-01-01"), max: new Date("2090-01-01"), noInvalidDate: true }), (input, now) => {
        const first = JSON.stringify(recommend(structuredClone(input)));
        vi.useFakeTimers({ now });
        const second = JSON.stringify(recommend(structuredClone(input)));
        vi.useRealTimers();
        expect(second).toBe(first);
      }),
      { numRuns: 400 },
    );
  });

  it("every suggestion, alert and avoid entry cites evidence that resolves in the catalog", () => {
    fc.assert(
      fc.property(assessmentArbitrary, (input) => {
        const out = evaluate(assessmentSchema.parse(input));
        for (const item of [...out.next, ...out.alerts, ...out.avoid, ...out.profileDifferences]) {
          expect(item.evidence.length).toBeGreaterThan(0);
          for (const ref of item.evidence) {
            expect(SOURCES_BY_ID.has(ref.sourceId), ref.sourceId).toBe(true);
            expect(ref.claim.length).toBeGreaterThan(10);
          }
        }
        const suggested = new Set(out.next.map((s) => s.therapy));
        for (const entry of out.avoid) expect(suggested.has(entry.therapy), `${entry.therapy} both suggested and avoided`).toBe(false);
      }),
      { numRuns: RUNS },
    );
  });

  it("an opioid whose dose cannot be computed is never counted as zero", () => {
    fc.assert(
      fc.property(assessmentArbitrary, (input) => {
        const out = evaluate(assessmentSchema.parse(input));
        if (out.mme.computable) {
          expect(out.mme.totalPerDay).toBe(out.mme.computedPerDay);
        } else {
          expect(out.mme.totalPerDay).toBeNull();
          expect(out.alerts.map((a) => a.code)).toContain("mme-not-computable");
        }
      }),
      { numRuns: RUNS },
    );
  });
});

// Mutations that make a valid assessment invalid, each with the path its issue must name.
const MUTATIONS: { path: string; apply: (a: Record<string, any>) => void }[] = [
  { path: "patient.ageYears", apply: (a) => (a.patient.ageYears = 17) },
  { path: "patient.ageYears", apply: (a) => delete a.patient.ageYears },
  { path: "pain.intensity", apply: (a) => (a.pain.intensity = 11) },
  { path: "pain.durationWeeks", apply: (a) => (a.pain.durationWeeks = -1) },
  { path: "profile", apply: (a) => (a.profile = "fr") },
  { path: "asOf", apply: (a) => (a.asOf = "27/11/2026") },
  { path: "redFlags.0", apply: (a) => (a.redFlags = ["back-ache"]) },
  { path: "conditions.0", apply: (a) => (a.conditions = ["flu"]) },
  { path: "treatments.0.therapy", apply: (a) => (a.treatments = [{ therapy: "magnets", status: "current" }]) },
  { path: "medications.0.drug", apply: (a) => (a.medications = [{ drug: "heroin" }]) },
  { path: "medications.0.doseMg", apply: (a) => (a.medications = [{ drug: "oxycodone", doseMg: 0, dosesPerDay: 4 }]) },
  { path: "screening.startBack", apply: (a) => (a.screening = { startBack: [1, 0, 1] }) },
  { path: "pain", apply: (a) => (a.pain.redflag = true) },
];

describe("invalid assessments get the contract's error shape, naming the field", () => {
  it("for every mutation of every generated assessment", () => {
    fc.assert(
      fc.property(assessmentArbitrary, fc.constantFrom(...MUTATIONS), (input, mutation) => {
        const broken = structuredClone(input) as Record<string, any>;
        mutation.apply(broken);
        const result = recommend(broken);
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.error.error).toBe("invalid-assessment");
        expect(result.error.issues.length).toBeGreaterThan(0);
        for (const issue of result.error.issues) {
          expect(typeof issue.path).toBe("string");
          expect(issue.message.length).toBeGreaterThan(0);
        }
        expect(result.error.issues.map((i) => i.path)).toContain(mutation.path);
      }),
      { numRuns: 500 },
    );
  });

  it("an unknown code names the allowed values", () => {
    const result = recommend({ asOf: "2026-11-27", patient: { ageYears: 40 }, pain: { durationWeeks: 20, intensity: 5 }, redFlags: ["back-ache"] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.issues[0]?.message).toMatch(/must be one of saddle-anesthesia, .*prolonged-corticosteroids \(got "back-ache"\)/);
  });

  it.each([null, [], "text", 42])("rejects %j as a whole", (input) => {
    const result = recommend(input);
    expect(result.ok).toBe(false);
  });
});
