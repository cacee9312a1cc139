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

  it("names the flags in words, not codes, in what the clinician reads", () => {
    const cauda = run({ redFlags: ["saddle-anesthesia", "urinary-retention"] }).alerts.find((a) => a.code === "red-flag-cauda-equina");
    expect(cauda?.detail).toContain("Found: saddle anesthesia and urinary retention: signs of cauda equina compression.");
    const infection = run({ redFlags: ["fever", "iv-drug-use"] }).alerts.find((a) => a.code === "red-flag-infection");
    expect(infection?.detail).toContain("Found: fever with injection drug use: possible spinal infection.");
    const malignancy = run({ redFlags: ["cancer-history", "night-pain"] }).alerts.find((a) => a.code === "red-flag-malignancy");
    expect(malignancy?.detail).toContain("history of cancer with night pain");
    expect(run({ redFlags: ["night-pain"] }).alerts.find((a) => a.code === "red-flag-watch")?.summary).toBe("Red flag to watch: night pain");
    expect(run({ redFlags: ["recent-infection", "recent-infection"] }).alerts.find((a) => a.code === "red-flag-watch")?.summary).toBe("Red flag to watch: recent infection");
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

  it("keeps opioid safety suggestions while suspended, and no chronic back pain taper", () => {
    const out = run({ redFlags: ["major-trauma"], medications: [{ drug: "oxycodone", doseMg: 20, dosesPerDay: 3 }] });
    expect(therapies(out)).toEqual(expect.arrayContaining(["emergency-referral", "naloxone"]));
    expect(therapies(out)).not.toContain("physical-therapy");
    expect(therapies(out)).not.toContain("opioid-taper-plan");
  });
});

describe("a fragility fracture without trauma: new back pain with two of osteoporosis, prolonged corticosteroids and age 70 or more", () => {
  const prednisone = { drug: "prednisone" as const, doseMg: 10, dosesPerDay: 1 };
  it.each([
    ["osteoporosis at 74, pain for 3 weeks (nothing ticked)", { patient: { ageYears: 74 }, pain: { durationWeeks: 3, intensity: 7 }, conditions: ["osteoporosis" as const] }, true],
    ["osteoporosis and long-term steroids at 55, pain for 12 weeks", { patient: { ageYears: 55 }, pain: { durationWeeks: 12, intensity: 7 }, redFlags: ["osteoporosis" as const, "prolonged-corticosteroids" as const] }, true],
    ["prednisone taken now at 72, pain for 2 weeks", { patient: { ageYears: 72 }, pain: { durationWeeks: 2, intensity: 7 }, medications: [prednisone] }, true],
    ["osteoporosis at 74 with pain for 13 weeks: not new pain", { patient: { ageYears: 74 }, pain: { durationWeeks: 13, intensity: 7 }, conditions: ["osteoporosis" as const] }, false],
    ["osteoporosis at 69, pain for 3 weeks: one risk", { patient: { ageYears: 69 }, pain: { durationWeeks: 3, intensity: 7 }, conditions: ["osteoporosis" as const] }, false],
    ["age 80 alone, pain for 3 weeks", { patient: { ageYears: 80 }, pain: { durationWeeks: 3, intensity: 7 } }, false],
  ])("%s", (_label, overrides, suspended) => {
    const out = run(overrides);
    expect(out.ladder.suspended).toBe(suspended);
    expect(traceOf(out, "red-flag.fracture").outcome).toBe(suspended ? "fired" : "not-fired");
    if (suspended) {
      expect(therapies(out)).toEqual(["urgent-imaging"]);
      expect(out.ladder.rationale).toMatch(/new back pain without trauma, with .+ and .+: possible fragility fracture\): urgent work-up within days/);
    }
  });
});

describe("imaging after major trauma is done at the emergency assessment, not within days", () => {
  it("names the emergency department, second to the emergency referral", () => {
    const out = run({ redFlags: ["major-trauma"] });
    expect(out.next.map((s) => [s.therapy, s.title])).toEqual([
      ["emergency-referral", "Emergency assessment after major trauma"],
      ["urgent-imaging", "Spine imaging in the emergency department"],
    ]);
  });
});

describe("red flags read from the whole record: prolonged corticosteroids, and osteoporosis as a condition", () => {
  const prednisone = { drug: "prednisone" as const, doseMg: 10, dosesPerDay: 1 };
  it.each([
    ["a corticosteroid course of 12 weeks, flag not ticked", { treatments: [{ therapy: "oral-corticosteroid" as const, status: "current" as const, weeks: 12 }], medications: [prednisone] }, true],
    ["a completed 20-week course", { treatments: [{ therapy: "oral-corticosteroid" as const, status: "completed" as const, weeks: 20 }] }, true],
    ["prednisone taken, course length not recorded", { medications: [prednisone] }, true],
    ["prednisone for 3 weeks", { treatments: [{ therapy: "oral-corticosteroid" as const, status: "current" as const, weeks: 3 }], medications: [prednisone] }, false],
  ])("minor trauma at 40 with %s: fracture pattern %s", (_label, overrides, fracture) => {
    const out = run({ redFlags: ["minor-trauma"], ...overrides });
    expect(codes(out).includes("red-flag-fracture")).toBe(fracture);
    expect(out.ladder.suspended).toBe(fracture);
  });

  it("says when an unrecorded course length was counted as prolonged", () => {
    const out = run({ redFlags: ["minor-trauma"], medications: [{ drug: "prednisone", doseMg: 5, dosesPerDay: 1 }] });
    expect(traceOf(out, "red-flag.fracture").because).toMatch(/how long not recorded, so counted as prolonged/);
  });

  it("counts long-term steroids as immunosuppression with fever", () => {
    const out = run({ redFlags: ["fever"], treatments: [{ therapy: "oral-corticosteroid", status: "current", weeks: 26 }] });
    expect(codes(out)).toContain("red-flag-infection");
  });

  // With no flag ticked at all, a flag read from the record is weighed as the ticked flag would be: watched, imaging
  // not listed to avoid, the ladder not suspended.
  it.each([
    ["a 16-week course", { treatments: [{ therapy: "oral-corticosteroid" as const, status: "current" as const, weeks: 16 }], medications: [prednisone] }, "prolonged corticosteroid use", /prolonged corticosteroid use, oral corticosteroid for 16 weeks/],
    ["a completed 20-week course", { treatments: [{ therapy: "oral-corticosteroid" as const, status: "completed" as const, weeks: 20 }] }, "prolonged corticosteroid use", /prolonged corticosteroid use, oral corticosteroid for 20 weeks/],
    ["prednisone, course length not recorded", { medications: [prednisone] }, "prolonged corticosteroid use", /prednisone taken now \(how long not recorded, so counted as prolonged\)/],
    ["osteoporosis as a condition", { conditions: ["osteoporosis" as const] }, "osteoporosis", /osteoporosis, recorded as a condition/],
  ])("no flag ticked, %s: a fracture watch", (_label, overrides, flag, from) => {
    const out = run(overrides);
    const watch = out.alerts.find((a) => a.code === "red-flag-watch");
    expect(watch?.severity).toBe("warning");
    expect(watch?.summary).toBe(`Red flag to watch: ${flag} (from the record)`);
    expect(watch?.detail).toMatch(from);
    expect(watch?.detail).toMatch(/vertebral fracture can follow little or no trauma/);
    expect(out.ladder.suspended).toBe(false);
    expect(out.avoid.map((a) => a.therapy)).not.toContain("imaging");
  });

  it.each([
    ["prednisone for 3 weeks", { treatments: [{ therapy: "oral-corticosteroid" as const, status: "current" as const, weeks: 3 }], medications: [prednisone] }],
    ["no corticosteroid", {}],
  ])("no flag ticked, %s: nothing to watch, imaging avoided", (_label, overrides) => {
    const out = run(overrides);
    expect(codes(out)).not.toContain("red-flag-watch");
    expect(out.avoid.map((a) => a.therapy)).toContain("imaging");
  });

  it("a ticked flag is named as ticked, and a pattern that weighs what the record shows leaves no watch for it", () => {
    expect(run({ redFlags: ["prolonged-corticosteroids"], medications: [prednisone] }).alerts.find((a) => a.code === "red-flag-watch")?.summary).toBe("Red flag to watch: prolonged corticosteroid use");
    expect(run({ redFlags: ["osteoporosis"], conditions: ["osteoporosis"] }).alerts.find((a) => a.code === "red-flag-watch")?.summary).toBe("Red flag to watch: osteoporosis");
    const infection = run({ redFlags: ["fever"], treatments: [{ therapy: "oral-corticosteroid", status: "current", weeks: 26 }] });
    expect(codes(infection)).not.toContain("red-flag-watch");
    const fracture = run({ redFlags: ["minor-trauma"], conditions: ["osteoporosis"] });
    expect(codes(fracture)).toContain("red-flag-fracture");
    expect(codes(fracture)).not.toContain("red-flag-watch");
  });
});

describe("urgency graded by the strength of the pattern", () => {
  it.each([
    ["cauda equina", { redFlags: ["saddle-anesthesia" as const] }, "emergency"],
    ["spinal infection", { redFlags: ["fever" as const, "iv-drug-use" as const] }, "emergency"],
    ["major trauma", { redFlags: ["major-trauma" as const] }, "emergency"],
    ["cancer history with bilateral leg weakness", { redFlags: ["cancer-history" as const, "bilateral-leg-weakness" as const] }, "emergency"],
    ["cancer history alone", { redFlags: ["cancer-history" as const] }, "urgent"],
    ["weight loss at 55, no cancer history", { patient: { ageYears: 55 }, redFlags: ["unexplained-weight-loss" as const] }, "urgent"],
    ["minor trauma at 70", { patient: { ageYears: 70 }, redFlags: ["minor-trauma" as const] }, "urgent"],
  ])("%s: %s", (_label, overrides, urgency) => {
    const out = run(overrides);
    expect(out.ladder.suspended).toBe(true);
    expect(out.ladder.rationale).toMatch(urgency === "emergency" ? /emergency assessment today/ : /urgent work-up within days/);
    expect(therapies(out).includes("emergency-referral")).toBe(urgency === "emergency");
  });

  it("weight loss at 55 without a cancer history gets prompt tests, not an emergency referral", () => {
    const out = run({ patient: { ageYears: 55 }, redFlags: ["unexplained-weight-loss"] });
    expect(out.next[0]).toMatchObject({ therapy: "urgent-imaging", title: expect.stringMatching(/within days/) });
    expect(out.alerts[0]).toMatchObject({ code: "red-flag-malignancy", severity: "critical", summary: expect.stringMatching(/urgent work-up within days/) });
    expect(out.ladder.rationale).toMatch(/weaker combination/);
  });

  it("a cancer history gets MRI within a week", () => {
    expect(run({ redFlags: ["cancer-history"] }).next[0]?.title).toMatch(/within a week/);
  });
});

describe("a weak flag's advice follows what it might point to", () => {
  const watch = (redFlags: RedFlag[], conditions: "active-cancer"[] = []) => {
    const alert = run({ redFlags, conditions }).alerts.find((a) => a.code === "red-flag-watch");
    if (!alert) throw new Error("no red-flag-watch alert");
    return alert;
  };

  it("fever alone: tests within days and same-day assessment if unwell, not a review in weeks", () => {
    const alert = watch(["fever"]);
    expect(alert.detail).toMatch(/CRP, ESR, a full blood count and a urine sample within days/);
    expect(alert.detail).toMatch(/same day if the person is unwell/);
    expect(alert.detail).not.toMatch(/2-4 weeks/);
    expect(alert.evidence.map((e) => e.sourceId)).toEqual(["finucane-2020-red-flags", "chou-2007-acp-aps"]);
  });

  it("an infection risk without fever: ask about fever, which would call for same-day assessment", () => {
    const alert = watch(["iv-drug-use", "recent-infection"]);
    expect(alert.detail).toMatch(/Injection drug use and recent infection raise the risk of spinal infection/);
    expect(alert.detail).toMatch(/fever.*calls for same-day assessment/);
    expect(alert.detail).toMatch(/within 2-4 weeks/);
  });

  it("weak bone without a pattern: a radiograph for sudden midline pain", () => {
    for (const flags of [["osteoporosis"], ["prolonged-corticosteroids"], ["minor-trauma"]] as RedFlag[][]) {
      expect(watch(flags).detail).toMatch(/sudden, severe midline pain or tenderness calls for a plain radiograph/);
    }
  });

  it("night pain or weight loss under 50: blood tests and a radiograph within 2 weeks when the pain is constant or the loss unexplained", () => {
    expect(watch(["night-pain"]).detail).toMatch(/ESR, CRP and a full blood count with a plain radiograph within 2 weeks/);
    expect(watch(["night-pain"]).detail).not.toMatch(/within days/);
  });

  it("one sentence per kind of flag, each once", () => {
    const alert = watch(["fever", "night-pain", "osteoporosis"]);
    expect(alert.detail.match(/each of these findings/g)).toHaveLength(1);
    expect(alert.detail.match(/Re-examine/g)).toHaveLength(1);
    expect(alert.detail).toMatch(/review when the tests are back/);
  });

  it("with active cancer known, night pain is left to the metastasis advice rather than asking about a cancer history", () => {
    const alert = watch(["night-pain"], ["active-cancer"]);
    expect(alert.detail).not.toMatch(/Ask about cancer history/);
    expect(alert.detail).toMatch(/MRI within a week/);
  });
});

describe("active cancer recorded as a condition", () => {
  it("is watched, not a new suspicion: the ladder goes on, with a prompt to image new or changing pain", () => {
    const out = run({ conditions: ["active-cancer"] });
    expect(out.ladder.suspended).toBe(false);
    expect(out.alerts.find((a) => a.code === "red-flag-watch")?.detail).toMatch(/MRI within a week/);
  });
});
