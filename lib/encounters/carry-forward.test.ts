import { describe, expect, it } from "vitest";
import { carryForward, type LastVisit } from "./carry-forward";

const visit = (assessment: LastVisit["assessment"], more: Partial<LastVisit> = {}): LastVisit => ({ assessment, daysAgo: 30, medicationOrders: [], naloxoneOrdered: false, drugTestOrdered: false, ...more });

const ORG = { profile: "us" as const, ptVisitLimit: 24, adherenceThresholdPercent: 70 };

describe("carryForward", () => {
  const patient = { ageYears: 52, sex: "female" as const };

  it("starts a first visit with the patient and empty history", () => {
    expect(carryForward(null, patient, ORG, "2026-11-27")).toEqual({
      profile: "us",
      asOf: "2026-11-27",
      patient,
      redFlags: [],
      conditions: [],
      treatments: [],
      medications: [],
      coverage: { ptVisitLimit: 24 },
      settings: { adherenceThresholdPercent: 70 },
    });
  });

  it("carries history, medicines and treatments forward but asks red flags afresh and updates age", () => {
    const previous = {
      profile: "uk" as const,
      asOf: "2026-06-01",
      patient: { ageYears: 51, sex: "female" as const, employment: "working" as const },
      pain: { durationWeeks: 20, intensity: 6 },
      redFlags: ["night-pain" as const],
      conditions: ["ckd" as const],
      treatments: [{ therapy: "physical-therapy" as const, status: "completed" as const, weeks: 8 }],
      medications: [{ drug: "naproxen" as const, doseMg: 500, dosesPerDay: 2 }],
      coverage: { ptVisitsUsedThisYear: 12 },
      settings: { adherenceThresholdPercent: 60 },
    };
    const next = carryForward(visit(previous), patient, ORG, "2026-11-27");
    expect(next).toMatchObject({
      // The organization's profile and adherence threshold, whatever the last visit used; its covered visits, with the visits used kept.
      profile: "us",
      asOf: "2026-11-27",
      patient: { ageYears: 52, sex: "female", employment: "working" },
      redFlags: [],
      conditions: ["ckd"],
      treatments: previous.treatments,
      medications: previous.medications,
      coverage: { ptVisitsUsedThisYear: 12, ptVisitLimit: 24 },
      settings: { adherenceThresholdPercent: 70 },
      pain: previous.pain,
    });
  });
});

describe("carryForward with a PT discharge since the last visit", () => {
  it("replaces the PT course marked current with the completed one", () => {
    const previous = { treatments: [{ therapy: "physical-therapy" as const, status: "current" as const, weeks: 1 }, { therapy: "nsaid" as const, status: "stopped" as const }] };
    const discharge = { therapy: "physical-therapy" as const, status: "completed" as const, weeks: 7, sessions: 14, adherencePercent: 85, response: "none" as const };
    const next = carryForward(visit(previous), { ageYears: 40, sex: "male" }, ORG, "2026-11-27", [discharge]);
    expect(next.treatments).toEqual([{ therapy: "nsaid", status: "stopped" }, discharge]);
  });
});

describe("carryForward from what the last visit ordered", () => {
  const patient = { ageYears: 61, sex: "male" as const };
  const assessed = {
    medications: [
      { drug: "oxycodone" as const, doseMg: 10, dosesPerDay: 3 },
      { drug: "naproxen" as const, doseMg: 500, dosesPerDay: 2 },
      { drug: "duloxetine" as const, doseMg: 30, dosesPerDay: 1 },
    ],
    opioidSafety: { naloxoneOnHand: false, pdmpReviewedDaysAgo: 5, urineDrugTestDaysAgo: 200 },
  };

  it("starts from the medicines the visit left: changed, stopped and started", () => {
    const next = carryForward(
      visit(assessed, {
        medicationOrders: [
          { action: "change", medication: { drug: "oxycodone", doseMg: 5, dosesPerDay: 3 } },
          { action: "stop", medication: { drug: "naproxen" } },
          { action: "continue", medication: { drug: "duloxetine", doseMg: 30, dosesPerDay: 1 } },
          { action: "new", medication: { drug: "acetaminophen", doseMg: 500, dosesPerDay: 3 } },
        ],
      }),
      patient,
      ORG,
      "2026-12-01",
    );
    expect(next.medications).toEqual([
      { drug: "oxycodone", doseMg: 5, dosesPerDay: 3 },
      { drug: "duloxetine", doseMg: 30, dosesPerDay: 1 },
      { drug: "acetaminophen", doseMg: 500, dosesPerDay: 3 },
    ]);
  });

  it("counts naloxone and a drug test ordered then as done, and ages the other checks", () => {
    const next = carryForward(visit(assessed, { daysAgo: 28, naloxoneOrdered: true, drugTestOrdered: true }), patient, ORG, "2026-12-01");
    expect(next.opioidSafety).toEqual({ naloxoneOnHand: true, pdmpReviewedDaysAgo: 33, urineDrugTestDaysAgo: 28 });
  });

  it("ages a check the visit did not repeat and keeps unknown unknown", () => {
    const next = carryForward(visit({ opioidSafety: { pdmpReviewedDaysAgo: null, urineDrugTestDaysAgo: 40 } }, { daysAgo: 60 }), patient, ORG, "2026-12-01");
    expect(next.opioidSafety).toEqual({ pdmpReviewedDaysAgo: null, urineDrugTestDaysAgo: 100 });
  });

  it("adds nothing about opioid safety when the visit neither recorded nor ordered any", () => {
    expect(carryForward(visit({ medications: [] }), patient, ORG, "2026-12-01")).not.toHaveProperty("opioidSafety");
  });
});
