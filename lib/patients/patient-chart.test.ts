import { describe, expect, it } from "vitest";
import { assessmentSchema } from "@/lib/ladder/assessment-schema";
import { evaluate } from "@/lib/ladder/evaluate";
import { buildPatientChart } from "./patient-chart";

const visit = (date: string, intensity: number, extra: object = {}) => {
  const assessment = { asOf: date, patient: { ageYears: 50 }, pain: { durationWeeks: 30, intensity }, ...extra };
  return { date, assessment, medicationOrders: [], recommendation: evaluate(assessmentSchema.parse(assessment)) };
};

describe("buildPatientChart", () => {
  it("orders trends by date and reads the current rung from the latest visit", () => {
    const chart = buildPatientChart([
      visit("2026-09-01", 5, { medications: [{ drug: "oxycodone", doseMg: 10, dosesPerDay: 4 }], treatments: [{ therapy: "physical-therapy", status: "completed", weeks: 8, adherencePercent: 80, response: "none" }] }),
      visit("2026-06-01", 7, { screening: { peg: [7, 6, 8] } }),
    ]);
    expect(chart.pain).toEqual([
      { date: "2026-06-01", value: 7 },
      { date: "2026-09-01", value: 5 },
    ]);
    expect(chart.peg).toEqual([
      { date: "2026-06-01", value: 7 },
      { date: "2026-09-01", value: null },
    ]);
    expect(chart.mme.map((p) => p.value)).toEqual([0, 60]);
    expect(chart.adherence.map((p) => p.value)).toEqual([null, 80]);
    expect(chart.currentStep).toMatchObject({ step: "pharmacologic", date: "2026-09-01" });
    expect(chart.medications).toEqual([{ drug: "oxycodone", sig: "10 mg × 4/day", mmePerDay: 60 }]);
    expect(chart.treatments[0]).toMatchObject({ therapy: "physical-therapy", response: "none", since: "2026-09-01" });
  });

  it("lists what the latest visit left the patient on, its orders applied, with the MME that visit showed", () => {
    const assessment = { asOf: "2026-09-01", patient: { ageYears: 50 }, pain: { durationWeeks: 30, intensity: 5 }, medications: [{ drug: "oxycodone" as const, doseMg: 10, dosesPerDay: 4 }, { drug: "naproxen" as const, doseMg: 500, dosesPerDay: 2 }] };
    const medicationOrders = [
      { action: "change" as const, medication: { drug: "oxycodone" as const, doseMg: 10, dosesPerDay: 3 } },
      { action: "stop" as const, medication: { drug: "naproxen" as const } },
    ];
    const chart = buildPatientChart([{ date: "2026-09-01", assessment, medicationOrders, recommendation: evaluate(assessmentSchema.parse({ ...assessment, orders: medicationOrders })) }]);
    expect(chart.medications).toEqual([{ drug: "oxycodone", sig: "10 mg × 3/day", mmePerDay: 45 }]);
    expect(chart.mme.map((p) => p.value)).toEqual([45]);
  });

  it("is empty without signed visits", () => {
    expect(buildPatientChart([])).toMatchObject({ currentStep: null, pain: [], medications: [] });
  });
});
