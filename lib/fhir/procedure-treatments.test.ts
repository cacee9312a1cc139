import { describe, expect, it } from "vitest";
import { recommend } from "@/lib/ladder/evaluate";
import { readChart, type Chart } from "./chart-assessment";
import { treatmentsFromProcedures } from "./procedure-treatments";
import { prefillFromChart } from "./visit-prefill";

const CPT = "http://www.ama-assn.org/go/cpt";
const ASOF = "2026-12-01";

const procedure = (code: string, day: string, status = "completed", system = CPT) => ({ resourceType: "Procedure", status, code: { coding: [{ system, code }] }, performedDateTime: day });
/** Sessions twice a week (Monday and Thursday) for `weeks` weeks from the Monday `start`. */
function program(code: string, start: string, weeks: number, status = "completed") {
  const days: string[] = [];
  for (let week = 0; week < weeks; week += 1) {
    for (const offset of [0, 3]) days.push(new Date(Date.parse(`${start}T00:00:00Z`) + (week * 7 + offset) * 86_400_000).toISOString().slice(0, 10));
  }
  return days.map((day) => procedure(code, day, status));
}

describe("treatments read off the chart's procedures", () => {
  it("counts a finished PT program's sessions and weeks, with adherence and response left unknown", () => {
    expect(treatmentsFromProcedures(program("97110", "2026-08-03", 6), ASOF)).toEqual([{ therapy: "physical-therapy", status: "completed", weeks: 6, sessions: 12 }]);
  });

  it("calls a course current while its last session is recent or one is in progress", () => {
    expect(treatmentsFromProcedures(program("97110", "2026-11-02", 4), ASOF)).toEqual([{ therapy: "physical-therapy", status: "current", weeks: 4, sessions: 8 }]);
    expect(treatmentsFromProcedures([procedure("98940", "2026-09-01"), procedure("98940", "2026-09-08", "in-progress")], ASOF)).toMatchObject([{ therapy: "spinal-manipulation", status: "current" }]);
    expect(treatmentsFromProcedures([procedure("97810", "2026-06-01"), procedure("97810", "2026-06-08", "stopped")], ASOF)).toMatchObject([{ therapy: "acupuncture", status: "stopped", sessions: 2, weeks: 2 }]);
  });

  it("reads injections and devices as courses without weeks, and facet codes never as medial branch blocks", () => {
    const read = treatmentsFromProcedures([procedure("64483", "2026-05-04"), procedure("64493", "2026-07-01"), procedure("64494", "2026-07-01"), procedure("63650", "2026-09-01")], ASOF);
    expect(read).toEqual([
      { therapy: "epidural-steroid-injection", status: "completed", sessions: 1 },
      { therapy: "facet-joint-injection", status: "completed", sessions: 1 },
      { therapy: "spinal-cord-stimulator", status: "completed", sessions: 1 },
    ]);
    expect(read.some((t) => t.therapy === "medial-branch-block")).toBe(false);
  });

  it("leaves out what was not done, what is dated after the day judged, undated or unknown procedures, and SNOMED PT is read", () => {
    const procedures = [
      procedure("97110", "2026-10-01", "not-done"),
      procedure("97110", "2026-10-02", "entered-in-error"),
      procedure("97110", "2026-12-20"),
      { resourceType: "Procedure", status: "completed", code: { coding: [{ system: CPT, code: "97110" }] } },
      procedure("99213", "2026-10-05"),
      { resourceType: "Procedure", status: "completed", code: "97110", performedDateTime: 7 },
      procedure("91251008", "2026-10-07", "completed", "http://snomed.info/sct"),
    ];
    expect(treatmentsFromProcedures(procedures, ASOF)).toEqual([{ therapy: "physical-therapy", status: "completed", weeks: 1, sessions: 1 }]);
  });
});

const chart = (procedures: object[]): Chart => ({
  patient: { resourceType: "Patient", birthDate: "1970-03-02", gender: "female" },
  conditions: [{ resourceType: "Condition", clinicalStatus: { coding: [{ code: "active" }] }, code: { coding: [{ system: "http://hl7.org/fhir/sid/icd-10-cm", code: "M54.50" }] }, onsetDateTime: "2026-01-05" }],
  medications: [],
  observations: [{ resourceType: "Observation", status: "final", code: { coding: [{ system: "http://loinc.org", code: "72514-3" }] }, effectiveDateTime: "2026-11-20", valueQuantity: { value: 6 } }],
  procedures: procedures as Chart["procedures"],
  medicationResources: new Map(),
});

describe("the chart's courses in the engine and in a visit opened from the EHR", () => {
  it("moves the ladder past the conservative rung after a full PT program with pain still at 6/10, and says the response was inferred", () => {
    const before = recommend(readChart(chart([]), ASOF).assessment);
    const after = recommend(readChart(chart(program("97110", "2026-08-03", 6)), ASOF).assessment);
    if (!before.ok || !after.ok) throw new Error("the chart should give a valid assessment");
    expect(before.recommendation.ladder.step).toBe("conservative");
    expect(after.recommendation.ladder.step).toBe("pharmacologic");
    expect(after.recommendation.trace.find((t) => t.ruleId === "ladder.conservative")?.because).toMatch(/response not recorded; inferred from current pain 6\/10.*adherence not recorded/);
  });

  it("adds the chart's courses to a visit, keeping a therapy the visit already records with its adherence and response", () => {
    const reading = readChart(chart([...program("97110", "2026-08-03", 6), procedure("97810", "2026-10-01")]), ASOF);
    const carried = { therapy: "physical-therapy" as const, status: "completed" as const, weeks: 6, adherencePercent: 80, response: "partial" as const };
    const { assessment, filled } = prefillFromChart({ treatments: [carried] }, reading);
    expect(assessment.treatments).toEqual([carried, { therapy: "acupuncture", status: "completed", weeks: 1, sessions: 1 }]);
    expect(filled).toContain("treatments from procedures");
    expect(prefillFromChart({}, readChart(chart([]), ASOF)).filled).not.toContain("treatments from procedures");
  });
});
