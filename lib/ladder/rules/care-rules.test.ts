import { describe, expect, it } from "vitest";
import { codes, PT_ADEQUATE_NO_RESPONSE, run, therapies, traceOf } from "../../../tests/support/assessment";

describe("not chronic", () => {
  it.each([
    [3.9, "acute", true],
    [4, "subacute", true],
    [12, "subacute", true],
    [12.1, "chronic", false],
  ] as const)("%s weeks is %s", (durationWeeks, chronicity, alert) => {
    const out = run({ pain: { durationWeeks, intensity: 5 } });
    expect(out.classification.chronicity).toBe(chronicity);
    expect(codes(out).includes("not-chronic")).toBe(alert);
    expect(traceOf(out, alert ? "ladder.acute-care" : "ladder.conservative").outcome).toBe("fired");
  });
});

describe("the not-chronic alert names the duration as written", () => {
  it.each([
    [1, "Acute low back pain (1 week)"],
    [2, "Acute low back pain (2 weeks)"],
    [6, "Subacute low back pain (6 weeks)"],
  ] as const)("%s", (durationWeeks, summary) => {
    expect(run({ pain: { durationWeeks, intensity: 5 } }).alerts.find((a) => a.code === "not-chronic")?.summary).toBe(`${summary}: the chronic ladder does not apply yet`);
  });
});

describe("not chronic, with the ladder suspended for red flags", () => {
  it("does not reassure while a red-flag work-up is due: the work-up comes first", () => {
    const out = run({ pain: { durationWeeks: 3, intensity: 7 }, redFlags: ["saddle-anesthesia", "urinary-retention"] });
    expect(out.ladder.suspended).toBe(true);
    const alert = out.alerts.find((a) => a.code === "not-chronic");
    expect(alert?.detail).toMatch(/^The red-flag work-up comes first\./);
    expect(alert?.detail).not.toMatch(/Reassure/);
    expect(run({ pain: { durationWeeks: 3, intensity: 7 } }).alerts.find((a) => a.code === "not-chronic")?.detail).toMatch(/Reassure/);
  });
});

describe("bed rest", () => {
  it("alerts when bed rest is current, and always lists it to avoid", () => {
    const out = run({ treatments: [{ therapy: "bed-rest", status: "current", weeks: 2 }] });
    expect(codes(out)).toContain("bed-rest");
    expect(out.avoid.map((a) => a.therapy)).toContain("bed-rest");
    expect(codes(run({ treatments: [{ therapy: "bed-rest", status: "stopped" }] }))).not.toContain("bed-rest");
  });
});

describe("low adherence", () => {
  it.each([
    [59, true],
    [60, false],
  ])("PT at %i%% adherence: sunk by adherence %s", (adherencePercent, sunk) => {
    const out = run({ patient: { ageYears: 40, employment: "working" }, treatments: [{ ...PT_ADEQUATE_NO_RESPONSE, adherencePercent }] });
    expect(codes(out).includes("low-adherence")).toBe(sunk);
    expect(out.ladder.step).toBe(sunk ? "conservative" : "pharmacologic");
    if (sunk) {
      expect(therapies(out)[0]).toBe("physical-therapy");
      expect(out.alerts.find((a) => a.code === "low-adherence")?.detail).toMatch(/even 10 minutes/);
    }
  });

  it.each([
    [69, 70, true],
    [70, 70, false],
    [45, 40, false],
    [39, 40, true],
  ])("PT at %i%% adherence against an organization's threshold of %i%%: sunk %s", (adherencePercent, threshold, sunk) => {
    const out = run({ treatments: [{ ...PT_ADEQUATE_NO_RESPONSE, adherencePercent }], settings: { adherenceThresholdPercent: threshold } });
    expect(codes(out).includes("low-adherence")).toBe(sunk);
    expect(out.ladder.step).toBe(sunk ? "conservative" : "pharmacologic");
    if (sunk) {
      const named = `this organization's adherence threshold of ${threshold}%`;
      expect(out.alerts.find((a) => a.code === "low-adherence")?.detail).toContain(named);
      expect(traceOf(out, "conservative.low-adherence").because).toContain(named);
      expect(out.ladder.rationale).toContain(named);
    }
  });

  it("names Backstep's default when the organization keeps it", () => {
    const out = run({ treatments: [{ ...PT_ADEQUATE_NO_RESPONSE, adherencePercent: 50 }] });
    expect(out.alerts.find((a) => a.code === "low-adherence")?.detail).toContain("Backstep's default adherence threshold of 60%");
  });

  it("not when adherence was not recorded (the trial counts on its length)", () => {
    const { adherencePercent: _omit, ...withoutAdherence } = PT_ADEQUATE_NO_RESPONSE;
    const out = run({ treatments: [withoutAdherence] });
    expect(codes(out)).not.toContain("low-adherence");
    expect(traceOf(out, "ladder.pharmacologic").because).toMatch(/adherence not recorded/);
  });
});

describe("covered PT visits", () => {
  it.each([
    [20, "pt-visit-limit-reached", "home-exercise"],
    [16, "pt-visits-running-low", "physical-therapy"],
    [15, null, "physical-therapy"],
  ] as const)("%i of 20 used", (used, code, first) => {
    const out = run({ coverage: { ptVisitsUsedThisYear: used, ptVisitLimit: 20 } });
    if (code) expect(codes(out)).toContain(code);
    else expect(codes(out).filter((c) => c.startsWith("pt-visit"))).toEqual([]);
    expect(therapies(out)[0]).toBe(first);
  });

  it("is unknown when visits used were not recorded", () => {
    expect(traceOf(run(), "coverage.pt-visit-limit").outcome).toBe("insufficient-data");
  });

  it("counts the home program as the conservative trial once visits are used up", () => {
    const out = run({
      coverage: { ptVisitsUsedThisYear: 20 },
      treatments: [{ therapy: "home-exercise", status: "completed", weeks: 10, adherencePercent: 80, response: "none" }],
    });
    expect(out.ladder.step).toBe("pharmacologic");
  });
});

describe("mood screens", () => {
  it.each([
    [[1, 1], [0, 0], false],
    [[2, 1], [0, 0], true],
    [[0, 0], [3, 0], true],
  ])("PHQ-2 %j, GAD-2 %j: positive %s", (phq2, gad2, positive) => {
    const out = run({ screening: { phq2, gad2 } });
    expect(codes(out).includes("mood-screen-positive")).toBe(positive);
    expect(therapies(out).includes("psychological-therapy")).toBe(positive);
  });

  it("is unknown when not screened", () => {
    expect(traceOf(run(), "screening.mood").outcome).toBe("insufficient-data");
  });
});
