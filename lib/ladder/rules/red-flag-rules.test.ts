import { describe, expect, it } from "vitest";
import { codes, run, therapies, traceOf } from "../../../tests/support/assessment";
import type { RedFlag } from "../vocabulary";

type Case = [string, { flags: RedFlag[]; age?: number; conditions?: ("osteoporosis")[] }, { rule: string; suspended: boolean; code?: string; first?: string }];

const CASES: Case[] = [
  ["saddle anaesthesia alone", { flags: ["saddle-anesthesia"] }, { rule: "red-flag.cauda-equina", suspended: true, code: "red-flag-cauda-equina", first: "emergency-referral" }],
  ["new urinary retention alone", { flags: ["urinary-retention"] }, { rule: "red-flag.cauda-equina", suspended: true, code: "red-flag-cauda-equina" }],
  ["faecal incontinence alone", { flags: ["fecal-incontinence"] }, { rule: "red-flag.cauda-equina", suspended: true }],
  ["bilateral leg weakness alone", { flags: ["bilateral-leg-weakness"] }, { rule: "red-flag.cauda-equina", suspended: true }],
  ["fever with injection drug use", { flags: ["fever", "iv-drug-use"] }, { rule: "red-flag.infection", suspended: true, code: "red-flag-infection", first: "emergency-referral" }],
  ["fever with immunosuppression", { flags: ["fever", "immunosuppression"] }, { rule: "red-flag.infection", suspended: true }],
  ["fever with a recent infection", { flags: ["fever", "recent-infection"] }, { rule: "red-flag.infection", suspended: true }],
  ["fever alone is weighed", { flags: ["fever"] }, { rule: "red-flag.infection", suspended: false, code: "red-flag-watch" }],
  ["injection drug use alone is weighed", { flags: ["iv-drug-use"] }, { rule: "red-flag.infection", suspended: false, code: "red-flag-watch" }],
  ["progressive deficit", { flags: ["progressive-neurological-deficit"] }, { rule: "red-flag.neurological-deficit", suspended: true, code: "red-flag-neurological-deficit", first: "urgent-imaging" }],
  ["major trauma", { flags: ["major-trauma"] }, { rule: "red-flag.fracture", suspended: true, code: "red-flag-fracture", first: "emergency-referral" }],
  ["minor trauma at 65", { flags: ["minor-trauma"], age: 65 }, { rule: "red-flag.fracture", suspended: true, first: "urgent-imaging" }],
  ["minor trauma at 64 is weighed", { flags: ["minor-trauma"], age: 64 }, { rule: "red-flag.fracture", suspended: false, code: "red-flag-watch" }],
  ["minor trauma with osteoporosis (as a condition)", { flags: ["minor-trauma"], age: 40, conditions: ["osteoporosis"] }, { rule: "red-flag.fracture", suspended: true }],
  ["minor trauma with long-term steroids", { flags: ["minor-trauma", "prolonged-corticosteroids"], age: 40 }, { rule: "red-flag.fracture", suspended: true }],
  ["osteoporosis without trauma is weighed", { flags: ["osteoporosis"] }, { rule: "red-flag.fracture", suspended: false, code: "red-flag-watch" }],
  ["history of cancer alone", { flags: ["cancer-history"] }, { rule: "red-flag.malignancy", suspended: true, code: "red-flag-malignancy", first: "urgent-imaging" }],
  ["weight loss with night pain", { flags: ["unexplained-weight-loss", "night-pain"], age: 40 }, { rule: "red-flag.malignancy", suspended: true }],
  ["weight loss at 50", { flags: ["unexplained-weight-loss"], age: 50 }, { rule: "red-flag.malignancy", suspended: true }],
  ["weight loss at 49 is weighed", { flags: ["unexplained-weight-loss"], age: 49 }, { rule: "red-flag.malignancy", suspended: false, code: "red-flag-watch" }],
  ["night pain alone is weighed", { flags: ["night-pain"] }, { rule: "red-flag.malignancy", suspended: false, code: "red-flag-watch" }],
];

describe("red flags", () => {
  it.each(CASES)("%s", (_label, input, expected) => {
    const out = run({ patient: { ageYears: input.age ?? 45 }, redFlags: input.flags, conditions: input.conditions ?? [] });
    expect(out.ladder.suspended).toBe(expected.suspended);
    expect(traceOf(out, expected.rule).outcome).toBe(expected.suspended ? "fired" : "not-fired");
    if (expected.code) expect(codes(out)).toContain(expected.code);
    if (expected.first) expect(therapies(out)[0]).toBe(expected.first);
    if (expected.suspended) {
      expect(out.ladder.step).toBe("urgent-evaluation");
      expect(out.alerts[0]?.severity).toBe("critical");
      expect(out.avoid).toEqual([]);
    } else {
      expect(traceOf(out, "red-flag.weighed")).toMatchObject({ outcome: "fired", because: expect.stringContaining("weighed") });
      expect(out.alerts.find((a) => a.code === "red-flag-watch")?.severity).toBe("warning");
      expect(out.ladder.step).not.toBe("urgent-evaluation");
    }
  });

  it("with no red flags nothing fires and imaging is avoided", () => {
    const out = run();
    for (const rule of ["red-flag.cauda-equina", "red-flag.infection", "red-flag.neurological-deficit", "red-flag.fracture", "red-flag.malignancy", "red-flag.weighed"]) {
      expect(traceOf(out, rule).outcome).toBe("not-fired");
    }
    expect(out.avoid.map((a) => a.therapy)).toContain("imaging");
  });

  it("a weak flag keeps imaging off the avoid list", () => {
    expect(run({ redFlags: ["night-pain"] }).avoid.map((a) => a.therapy)).not.toContain("imaging");
  });

  it("puts the most urgent pattern first when several fire", () => {
    const out = run({ redFlags: ["cancer-history", "saddle-anesthesia"] });
    expect(codes(out).slice(0, 2)).toEqual(["red-flag-cauda-equina", "red-flag-malignancy"]);
    expect(therapies(out)[0]).toBe("emergency-referral");
    expect(new Set(therapies(out)).size).toBe(therapies(out).length);
  });

  it("keeps opioid safety suggestions while suspended", () => {
    const out = run({ redFlags: ["major-trauma"], medications: [{ drug: "oxycodone", doseMg: 20, dosesPerDay: 3 }] });
    expect(therapies(out)).toEqual(expect.arrayContaining(["emergency-referral", "naloxone"]));
    expect(therapies(out)).not.toContain("physical-therapy");
  });
});
