import { describe, expect, it } from "vitest";
import { carryForward } from "./carry-forward";

describe("carryForward", () => {
  const patient = { ageYears: 52, sex: "female" as const };

  it("starts a first visit with the patient and empty history", () => {
    expect(carryForward(null, patient, "us", "2026-11-27")).toEqual({
      profile: "us",
      asOf: "2026-11-27",
      patient,
      redFlags: [],
      conditions: [],
      treatments: [],
      medications: [],
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
    };
    const next = carryForward(previous, patient, "us", "2026-11-27");
    expect(next).toMatchObject({
      profile: "uk",
      asOf: "2026-11-27",
      patient: { ageYears: 52, sex: "female", employment: "working" },
      redFlags: [],
      conditions: ["ckd"],
      treatments: previous.treatments,
      medications: previous.medications,
      coverage: previous.coverage,
      pain: previous.pain,
    });
  });
});

describe("carryForward with a PT discharge since the last visit", () => {
  it("replaces the PT course marked current with the completed one", () => {
    const previous = { treatments: [{ therapy: "physical-therapy" as const, status: "current" as const, weeks: 1 }, { therapy: "nsaid" as const, status: "stopped" as const }] };
    const discharge = { therapy: "physical-therapy" as const, status: "completed" as const, weeks: 7, sessions: 14, adherencePercent: 85, response: "none" as const };
    const next = carryForward(previous, { ageYears: 40, sex: "male" }, "us", "2026-11-27", [discharge]);
    expect(next.treatments).toEqual([{ therapy: "nsaid", status: "stopped" }, discharge]);
  });
});
