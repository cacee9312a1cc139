import { describe, expect, it } from "vitest";
import { referralDiagnoses, therapyPrecautions, therapyRelevance } from "./referral-booking";

describe("what a referral carries for booking and billing", () => {
  it("suggests ICD-10-CM codes from the referring visit's findings", () => {
    expect(referralDiagnoses({ pain: { durationWeeks: 6, intensity: 5 } })).toEqual([{ code: "M54.50", display: "Low back pain, unspecified" }]);
    expect(referralDiagnoses({ pain: { durationWeeks: 20, intensity: 5, radicular: true } })).toEqual([
      { code: "M54.16", display: "Radiculopathy, lumbar region" },
      { code: "G89.29", display: "Other chronic pain" },
    ]);
    expect(referralDiagnoses({ pain: { durationWeeks: 13, intensity: 5, distribution: "below-knee" } }).map((d) => d.code)).toEqual(["M54.16", "G89.29"]);
    expect(referralDiagnoses({ pain: { durationWeeks: 12, intensity: 5, radicular: false, distribution: "below-knee" } }).map((d) => d.code)).toEqual(["M54.50"]);
    expect(referralDiagnoses({}).map((d) => d.code)).toEqual(["M54.50"]);
  });

  it("says why a medicine matters to therapy, and only where it does", () => {
    for (const drug of ["oxycodone", "alprazolam", "gabapentin", "cyclobenzaprine", "zolpidem"]) expect(therapyRelevance(drug)).toMatch(/^sedating/);
    expect(therapyRelevance("prednisone")).toMatch(/weaken bone/);
    expect(therapyRelevance("naproxen")).toMatch(/mask overload/);
    expect(therapyRelevance("sertraline")).toBeNull();
    expect(therapyRelevance("not-a-drug")).toBeNull();
  });

  it("names the precautions hands-on treatment needs", () => {
    expect(therapyPrecautions({ conditions: ["anticoagulant-use", "fall-risk"], redFlags: ["osteoporosis"], patient: { ageYears: 70, pregnant: true } })).toEqual([
      "Takes an anticoagulant: bruising and bleeding risk with manual therapy",
      "Osteoporosis: avoid high-velocity manipulation and loaded spinal flexion",
      "At risk of falls",
      "Pregnant",
    ]);
    expect(therapyPrecautions({})).toEqual([]);
  });
});
