import { describe, expect, it } from "vitest";
import { assessmentSchema } from "@/lib/ladder/assessment-schema";
import { evaluate } from "@/lib/ladder/evaluate";
import { buildPatientChart } from "./patient-chart";

const visit = (date: string, intensity: number, extra: object = {}) => {
  const assessment = { asOf: date, patient: { ageYears: 50 }, pain: { durationWeeks: 30, intensity }, ...extra };
  return { date, assessment, orders: [], recommendation: evaluate(assessmentSchema.parse(assessment)) };
};

const TODAY = "2026-12-01";

describe("buildPatientChart", () => {
  it("orders trends by date and reads the current rung from the latest visit", () => {
    const chart = buildPatientChart([
      visit("2026-09-01", 5, { medications: [{ drug: "oxycodone", doseMg: 10, dosesPerDay: 4 }], treatments: [{ therapy: "physical-therapy", status: "completed", weeks: 8, adherencePercent: 80, response: "none" }] }),
      visit("2026-06-01", 7, { screening: { peg: [7, 6, 8] } }),
    ], TODAY);
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
    const orders = medicationOrders.map((o) => ({ kind: "medication", medicationAction: o.action, detail: o.medication }));
    const chart = buildPatientChart([{ date: "2026-09-01", assessment, orders, recommendation: evaluate(assessmentSchema.parse({ ...assessment, orders: medicationOrders })) }], TODAY);
    expect(chart.medications).toEqual([{ drug: "oxycodone", sig: "10 mg × 3/day", mmePerDay: 45 }]);
    expect(chart.mme.map((p) => p.value)).toEqual([45]);
  });

  it("is empty without signed visits", () => {
    expect(buildPatientChart([], TODAY)).toMatchObject({ currentStep: null, pain: [], medications: [], safety: null });
  });

  it("gives the PEG the recommendation computed, not a figure of its own", () => {
    const signed = visit("2026-06-01", 7, { screening: { peg: [7, 6, 6] } });
    expect(signed.recommendation.classification.peg).toBeDefined();
    expect(buildPatientChart([signed], TODAY).peg[0]?.value).toBe(signed.recommendation.classification.peg);
  });
});

describe("the chart's opioid safety summary", () => {
  const onOpioids = { medications: [{ drug: "oxycodone", doseMg: 10, dosesPerDay: 4 }, { drug: "alprazolam", doseMg: 0.5, dosesPerDay: 2 }] };

  it("is absent for a patient on no opioid", () => {
    expect(buildPatientChart([visit("2026-11-01", 5)], TODAY).safety).toBeNull();
  });

  it("shows the MME against 50 and 90, the sedating combination, naloxone and when each check is due", () => {
    const latest = visit("2026-11-01", 6, { ...onOpioids, opioidSafety: { naloxoneOnHand: false, pdmpReviewedDaysAgo: 100, urineDrugTestDaysAgo: 30 } });
    const safety = buildPatientChart([latest], TODAY).safety;
    expect(safety).toMatchObject({
      mmePerDay: 60,
      band: "50 to 89",
      naloxone: "not on hand",
      pdmp: { status: "overdue", last: "2026-07-24", due: "2026-10-22" },
      drugTest: { status: "up to date", last: "2026-10-02", due: "2027-10-02" },
      taper: null,
    });
    expect(safety?.combinations).toEqual(latest.recommendation.alerts.filter((a) => a.code === "opioid-benzodiazepine").map((a) => a.summary));
    expect(safety?.combinations).toHaveLength(1);
  });

  it("says what was not recorded or never done, and counts naloxone and a drug test ordered at the visit", () => {
    const notRecorded = buildPatientChart([visit("2026-11-01", 6, { ...onOpioids, opioidSafety: { pdmpReviewedDaysAgo: null } })], TODAY).safety;
    expect(notRecorded).toMatchObject({ naloxone: "not recorded", pdmp: { status: "never", due: TODAY }, drugTest: { status: "not recorded" } });
    const ordered = { ...visit("2026-11-01", 6, onOpioids), orders: [{ kind: "naloxone", medicationAction: null, detail: {} }, { kind: "urine_drug_test", medicationAction: null, detail: {} }] };
    expect(buildPatientChart([ordered], TODAY).safety).toMatchObject({ naloxone: "ordered", drugTest: { status: "up to date", last: "2026-11-01" } });
  });

  it("says an opioid without a dose is not computable, never zero", () => {
    const safety = buildPatientChart([visit("2026-11-01", 6, { medications: [{ drug: "oxycodone" }] })], TODAY).safety;
    expect(safety).toMatchObject({ mmePerDay: null, band: "not computable" });
  });

  it("follows a taper plan ordered at an earlier visit to the step due today", () => {
    const start = visit("2026-09-01", 7, { medications: [{ drug: "oxycodone", doseMg: 20, dosesPerDay: 4 }], treatments: [{ therapy: "opioid", status: "current", weeks: 80, response: "none" }] });
    const schedule = start.recommendation.taperSchedule!;
    const taperVisit = { ...start, orders: [{ kind: "taper_plan", medicationAction: null, detail: schedule }] };
    const safety = buildPatientChart([taperVisit, visit("2026-11-01", 6, { medications: [{ drug: "oxycodone", doseMg: 20, dosesPerDay: 4 }] })], TODAY).safety;
    // 2026-09-01 to 2026-12-01 is 13 weeks: the step of week 12 is the one in force, week 16 comes next.
    expect(safety?.taper).toMatchObject({ orderedOn: "2026-09-01", week: 13, step: { week: 12, percentOfStart: 70 }, next: { week: 16 } });
  });
});
