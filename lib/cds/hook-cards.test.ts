import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { recommend } from "@/lib/ladder/evaluate";
import type { Chart } from "@/lib/fhir/chart-assessment";
import { generateAssessments } from "../../tests/support/assessment-generator";
import type { CdsRequest } from "./cds-request";
import { hookCards, PAIN_INDEPENDENT_ALERTS } from "./hook-cards";

const RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
const ICD = "http://hl7.org/fhir/sid/icd-10-cm";
const LOINC = "http://loinc.org";
const ASOF = "2026-12-01";

const med = (id: string, display: string, everyHours: number, count = 1) => ({
  resourceType: "MedicationRequest",
  id,
  status: "active",
  medicationCodeableConcept: { coding: [{ system: RXNORM, code: "0", display }] },
  dosageInstruction: [{ timing: { repeat: { frequency: 1, period: everyHours, periodUnit: "h" } }, doseAndRate: [{ doseQuantity: { value: count, code: "{tbl}" } }] }],
});
const condition = (code: string, onset?: string) => ({ resourceType: "Condition", clinicalStatus: { coding: [{ code: "active" }] }, code: { coding: [{ system: ICD, code }] }, ...(onset ? { onsetDateTime: onset } : {}) });
const observation = (code: string, value: number, day = "2026-11-20") => ({ resourceType: "Observation", status: "final", code: { coding: [{ system: LOINC, code }] }, effectiveDateTime: day, valueQuantity: { value } });

const chartOf = (parts: Partial<Chart>): Chart => ({ patient: { resourceType: "Patient", birthDate: "1970-03-02", gender: "female" }, conditions: [], medications: [], observations: [], procedures: [], medicationResources: new Map(), ...parts });
const hook = (kind: CdsRequest["hook"], orders: object[] = []): CdsRequest => ({ hook: kind, hookInstance: "hook-1", userId: "Practitioner/1", patientId: "p1", prefetch: {}, orders: orders as CdsRequest["orders"] });

const OXYCODONE_90 = med("m1", "oxycodone hydrochloride 15 MG Oral Tablet", 6, 1); // 15 mg x 4 x 1.5 = 90 MME
const ALPRAZOLAM = med("m2", "alprazolam 0.5 MG Oral Tablet", 12);
const CHRONIC_BACK_PAIN = condition("M54.50", "2026-01-05");

describe("the medication-safety alerts a chart without pain facts still gets", () => {
  it("never depend on the pain's duration or intensity (so placeholders cannot change them)", () => {
    const key = (r: ReturnType<typeof recommend>) => (r.ok ? r.recommendation.alerts.filter((a) => PAIN_INDEPENDENT_ALERTS.has(a.code)).map((a) => JSON.stringify(a)) : ["invalid"]);
    for (const input of generateAssessments(600, 11)) {
      const seen = key(recommend(input));
      for (const pain of [{ durationWeeks: 0, intensity: 0 }, { durationWeeks: 200, intensity: 10 }, { durationWeeks: 6, intensity: 5 }]) {
        expect(key(recommend({ ...input, pain: { ...input.pain, ...pain } }))).toEqual(seen);
      }
    }
  });
});

describe("patient-view cards", () => {
  it("warns of a Z-drug at 65 or over even when the chart records no pain facts", () => {
    const chart = chartOf({ patient: { resourceType: "Patient", birthDate: "1950-03-02", gender: "male" }, conditions: [CHRONIC_BACK_PAIN], medications: [med("m3", "zolpidem tartrate 5 MG Oral Tablet", 24)] });
    const { alertCodes } = hookCards(hook("patient-view"), chart, [], ASOF, []);
    expect(alertCodes).toContain("sleeping-pill-older-adult");
  });

  it("suspects a fragility fracture from osteoporosis at 75 only when the chart shows the back pain is new", () => {
    const patient = { resourceType: "Patient", birthDate: "1951-03-02", gender: "female" };
    const newPain = chartOf({ patient, conditions: [condition("M81.0"), condition("M54.50", "2026-11-17")], observations: [observation("72514-3", 7)] });
    expect(hookCards(hook("patient-view"), newPain, [], ASOF, []).alertCodes).toContain("red-flag-fracture");
    const longstanding = chartOf({ patient, conditions: [condition("M81.0"), CHRONIC_BACK_PAIN], observations: [observation("72514-3", 7)] });
    expect(hookCards(hook("patient-view"), longstanding, [], ASOF, []).alertCodes).not.toContain("red-flag-fracture");
    const onsetUnknown = chartOf({ patient, conditions: [condition("M81.0"), condition("M54.50")] });
    expect(hookCards(hook("patient-view"), onsetUnknown, [], ASOF, []).alertCodes).not.toContain("red-flag-fracture");
  });


  it("warns of an opioid with a benzodiazepine at 90 MME, offers naloxone, and places the patient on the ladder", () => {
    const chart = chartOf({ conditions: [CHRONIC_BACK_PAIN], medications: [OXYCODONE_90, ALPRAZOLAM], observations: [observation("72514-3", 6)] });
    const { cards, alertCodes } = hookCards(hook("patient-view"), chart, [], ASOF, []);
    expect(alertCodes).toEqual(expect.arrayContaining(["opioid-benzodiazepine", "mme-90", "naloxone-not-on-hand"]));
    const byCode = new Map(cards.map((c) => [c.source.topic?.code, c]));
    expect(byCode.get("opioid-benzodiazepine")?.indicator).toBe("critical");
    expect(byCode.get("naloxone-not-on-hand")).toMatchObject({ selectionBehavior: "any", suggestions: [{ actions: [{ type: "create", resource: { resourceType: "MedicationRequest", status: "draft" } }] }] });
    expect(byCode.get("ladder")).toMatchObject({ indicator: "info" });
    for (const card of cards) {
      expect(card.summary.length).toBeLessThan(140);
      expect(["info", "warning", "critical"]).toContain(card.indicator);
      expect(card.source.label).toMatch(/^Backstep/);
      if (card.suggestions) expect(card.selectionBehavior).toBe("any");
      if (card.overrideReasons) for (const reason of card.overrideReasons) expect(reason.display).toBeTruthy();
    }
    expect(new Set(cards.map((c) => c.uuid)).size).toBe(cards.length);
  });

  it("still raises the safety alerts when the chart lacks the pain facts, and says what is missing", () => {
    const chart = chartOf({ medications: [OXYCODONE_90, ALPRAZOLAM] });
    const { cards } = hookCards(hook("patient-view"), chart, ["observations"], ASOF, []);
    const codes = cards.map((c) => c.source.topic?.code);
    expect(codes).toEqual(expect.arrayContaining(["opioid-benzodiazepine", "mme-90", "assessment-incomplete"]));
    expect(codes).not.toContain("ladder");
    const incomplete = cards.find((c) => c.source.topic?.code === "assessment-incomplete");
    expect(incomplete?.detail).toMatch(/how long the back pain has lasted/);
    expect(incomplete?.detail).toMatch(/observations: could not be read/);
  });

  it("names STarT Back and Oswestry totals the chart holds without feeding them to the engine", () => {
    const chart = chartOf({ conditions: [CHRONIC_BACK_PAIN], observations: [observation("72514-3", 6), observation("91351-7", 7, "2026-10-02"), observation("97909-6", 44, "2026-11-02")] });
    const ladder = hookCards(hook("patient-view"), chart, [], ASOF, []).cards.find((c) => c.source.topic?.code === "ladder");
    expect(ladder?.detail).toMatch(/STarT Back: the chart holds only the total \(7 on 2026-10-02\); the risk group needs the nine answers/);
    expect(ladder?.detail).toMatch(/Oswestry: the chart holds only the score \(44% on 2026-11-02\)/);
    const plain = hookCards(hook("patient-view"), chartOf({ conditions: [CHRONIC_BACK_PAIN], observations: [observation("72514-3", 6)] }), [], ASOF, []).cards.find((c) => c.source.topic?.code === "ladder");
    expect(plain?.detail).not.toMatch(/chart holds only/);
  });

  it("gives red flags one critical card and no ladder card", () => {
    const chart = chartOf({ conditions: [CHRONIC_BACK_PAIN, condition("C61")], observations: [observation("72514-3", 6), observation("8310-5", 38.6, "2026-11-29")] });
    const { cards } = hookCards(hook("patient-view"), chart, [], ASOF, []);
    const critical = cards.filter((c) => c.indicator === "critical");
    expect(critical).toHaveLength(1);
    expect(critical[0]?.source.topic?.code).toBe("red-flags");
    expect(cards.map((c) => c.source.topic?.code)).not.toContain("ladder");
  });

  it("answers nothing for a patient under 18, and says a birth date is needed when there is none", () => {
    expect(hookCards(hook("patient-view"), chartOf({ patient: { resourceType: "Patient", birthDate: "2012-01-01" }, medications: [OXYCODONE_90] }), [], ASOF, []).cards).toEqual([]);
    const { cards } = hookCards(hook("patient-view"), chartOf({ patient: undefined, medications: [OXYCODONE_90] }), [], ASOF, []);
    expect(cards.map((c) => c.source.topic?.code)).toEqual(["assessment-incomplete"]);
  });
});

describe("order hooks", () => {
  it("shows what a new benzodiazepine order adds, and advises against it with a suggestion to remove the draft", () => {
    const chart = chartOf({ conditions: [CHRONIC_BACK_PAIN], medications: [OXYCODONE_90], observations: [observation("72514-3", 6)] });
    const draft = { ...med("draft-1", "alprazolam 0.5 MG Oral Tablet", 12), status: "draft" };
    const { cards, alertCodes } = hookCards(hook("order-select", [draft]), chart, [], ASOF, []);
    expect(alertCodes).toContain("opioid-benzodiazepine");
    expect(alertCodes).not.toContain("mme-90"); // already there before the order: not repeated at ordering
    const removal = cards.flatMap((c) => c.suggestions ?? []).flatMap((s) => s.actions).find((a) => a.type === "delete");
    expect(removal?.resourceId).toBe("MedicationRequest/draft-1");
  });

  it("flags lumbar imaging without red flags", () => {
    const chart = chartOf({ conditions: [CHRONIC_BACK_PAIN], observations: [observation("72514-3", 4)] });
    const imaging = { resourceType: "ServiceRequest", id: "sr-1", status: "draft", code: { coding: [{ system: LOINC, code: "24968-0" }] } };
    const { cards } = hookCards(hook("order-sign", [imaging]), chart, [], ASOF, []);
    expect(cards.find((c) => c.source.topic?.code === "avoid-imaging")).toMatchObject({ indicator: "warning", suggestions: [{ actions: [{ type: "delete", resourceId: "ServiceRequest/sr-1" }] }] });
  });

  it("names an ordered opioid Backstep cannot assess", () => {
    const chart = chartOf({ conditions: [CHRONIC_BACK_PAIN], observations: [observation("72514-3", 4)] });
    const draft = { ...med("d2", "meperidine hydrochloride 50 MG Oral Tablet", 4), status: "draft" };
    const { cards } = hookCards(hook("order-select", [draft]), chart, [], ASOF, []);
    expect(cards.find((c) => c.source.topic?.code === "medication-not-assessed")?.summary).toMatch(/meperidine/);
  });
});

/** The paths of null or empty values (strings, lists, objects) anywhere inside a value. */
function emptyElements(value: unknown, path: string): string[] {
  if (value === null || value === "" || (Array.isArray(value) && value.length === 0)) return [path];
  if (Array.isArray(value)) return value.flatMap((item, i) => emptyElements(item, `${path}[${i}]`));
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return entries.length ? entries.flatMap(([key, v]) => emptyElements(v, `${path}.${key}`)) : [path];
  }
  return [];
}

describe("charts as EHRs send them", () => {
  it("never throw and never send a null or empty element, whatever shape the resources' fields take", () => {
    const value = fc.oneof(fc.jsonValue(), fc.constant({ coding: [{ system: "http://loinc.org", code: "72514-3" }] }), fc.constant([{ timing: { repeat: { frequency: 2, period: 1, periodUnit: "d" } } }]));
    const resource = (type: string) =>
      fc.record(
        {
          resourceType: fc.constant(type),
          id: fc.oneof(fc.string(), fc.integer()),
          status: fc.oneof(fc.constantFrom("active", "final", "draft"), fc.jsonValue()),
          code: value,
          clinicalStatus: value,
          medicationCodeableConcept: fc.oneof(value, fc.constant({ coding: [{ system: RXNORM, code: "1049502" }] })),
          dosageInstruction: value,
          onsetDateTime: fc.oneof(fc.string(), fc.constant("2026-02-30"), fc.constant("2026")),
          effectiveDateTime: fc.oneof(fc.string(), fc.constant("2026-11-30")),
          valueQuantity: value,
          birthDate: fc.oneof(fc.string(), fc.constant("1960-01-01")),
          performedDateTime: fc.oneof(fc.string(), fc.constant("2026-10-01"), fc.jsonValue()),
        },
        { requiredKeys: ["resourceType"] },
      );
    fc.assert(
      fc.property(
        fc.option(resource("Patient"), { nil: undefined }),
        fc.array(resource("Condition"), { maxLength: 4 }),
        fc.array(resource("MedicationRequest"), { maxLength: 4 }),
        fc.array(resource("Observation"), { maxLength: 4 }),
        fc.array(resource("MedicationRequest"), { maxLength: 2 }),
        fc.array(fc.oneof(resource("Procedure"), fc.constant({ resourceType: "Procedure", status: "completed", code: { coding: [{ system: "http://www.ama-assn.org/go/cpt", code: "97110" }] }, performedDateTime: "2026-10-01" })), { maxLength: 3 }),
        (patient, conditions, medications, observations, orders, procedures) => {
          const chart = chartOf({ patient: patient as Chart["patient"], conditions, medications, observations, procedures });
          for (const kind of ["patient-view", "order-sign"] as const) {
            const { cards } = hookCards(hook(kind, orders), chart, [], ASOF, []);
            // CDS Hooks 2.0: no element is null or empty (only the list of cards itself may be).
            expect(cards.flatMap((card, i) => emptyElements(card, `cards[${i}]`))).toEqual([]);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
