import { describe, expect, it } from "vitest";
import { codes, DULOXETINE_FAILED, NSAID_FAILED, PT_ADEQUATE_NO_RESPONSE, run, therapies, traceOf } from "../../../tests/support/assessment";

const oxycodone = (doseMg: number, dosesPerDay = 4) => ({ drug: "oxycodone" as const, doseMg, dosesPerDay });
const opioidCourse = (response: "good" | "partial" | "none", weeks = 60) => ({ therapy: "opioid" as const, status: "current" as const, weeks, response });
const managed = { naloxoneOnHand: true, pdmpReviewedDaysAgo: 20, urineDrugTestDaysAgo: 100 };
const everythingTried = [PT_ADEQUATE_NO_RESPONSE, NSAID_FAILED, DULOXETINE_FAILED];

describe("medication for opioid use disorder (CDC 2022 rec. 12)", () => {
  it.each([
    ["methadone 100 mg", { drug: "methadone" as const, doseMg: 100, dosesPerDay: 1, indication: "opioid-use-disorder" as const }],
    ["sublingual buprenorphine", { drug: "buprenorphine" as const, doseMg: 8, dosesPerDay: 2, indication: "opioid-use-disorder" as const }],
  ])("%s: continued, no taper, no 'opioid not recommended', no MME alert", (_label, medication) => {
    const out = run({ medications: [medication], conditions: ["opioid-use-disorder"] });
    expect(therapies(out)).not.toContain("opioid-taper-plan");
    for (const code of ["opioid-not-recommended", "mme-50", "mme-90", "oud-treatment"]) expect(codes(out)).not.toContain(code);
    const alert = out.alerts.find((a) => a.code === "moud-continue");
    expect(alert?.summary).toMatch(/continue it/);
    expect(alert?.evidence[0]).toMatchObject({ sourceId: "cdc-2022", claim: expect.stringMatching(/Recommendation 12/) });
    expect(out.taperSchedule).toBeNull();
  });

  it.each([
    ["methadone", { drug: "methadone" as const, doseMg: 30, dosesPerDay: 1, indication: "opioid-use-disorder" as const }, /splitting the methadone dose/, /buprenorphine/],
    ["buprenorphine", { drug: "buprenorphine" as const, doseMg: 8, dosesPerDay: 2, indication: "opioid-use-disorder" as const }, /dividing the buprenorphine dose/, /methadone/],
  ])("%s for opioid use disorder: the way to more relief is said for that drug", (_label, medication, says, notSays) => {
    const detail = run({ medications: [medication], conditions: ["opioid-use-disorder"] }).alerts.find((a) => a.code === "moud-continue")?.detail;
    expect(detail).toMatch(says);
    expect(detail).not.toMatch(notSays);
  });

  it("started at this visit: supported as a start, not 'continued'", () => {
    const medication = { drug: "buprenorphine" as const, doseMg: 8, dosesPerDay: 2, indication: "opioid-use-disorder" as const };
    const out = run({ conditions: ["opioid-use-disorder"], orders: [{ action: "new", medication }] });
    const alert = out.alerts.find((a) => a.code === "moud-continue");
    expect(alert?.summary).toBe("buprenorphine for opioid use disorder, started at this visit: support it");
    expect(alert?.detail).toMatch(/Support the start and keep it going/);
    expect(codes(out)).not.toContain("er-opioid-opioid-naive");
    expect(traceOf(out, "opioid.use-disorder").because).toMatch(/ordered at this visit/);
  });

  it("methadone started for opioid use disorder is not judged as a long-acting opioid for pain (CDC 2022 rec. 3 concerns pain)", () => {
    const medication = { drug: "methadone" as const, doseMg: 30, dosesPerDay: 1, indication: "opioid-use-disorder" as const };
    const out = run({ conditions: ["opioid-use-disorder"], orders: [{ action: "new", medication }] });
    expect(codes(out)).not.toContain("er-opioid-opioid-naive");
    expect(out.alerts.find((a) => a.code === "moud-continue")?.summary).toMatch(/started at this visit/);
  });

  it("a renewal of medication for opioid use disorder is continued, not started", () => {
    const medication = { drug: "methadone" as const, doseMg: 60, dosesPerDay: 1, indication: "opioid-use-disorder" as const };
    const out = run({ medications: [medication], conditions: ["opioid-use-disorder"], orders: [{ action: "new", medication: { ...medication, doseMg: 70 } }] });
    expect(out.alerts.find((a) => a.code === "moud-continue")?.summary).toBe("methadone for opioid use disorder: continue it");
  });

  it("offers medication for opioid use disorder, not a taper alone, to a patient with it on a pain opioid", () => {
    const out = run({ medications: [oxycodone(5)], conditions: ["opioid-use-disorder"] });
    expect(out.alerts.find((a) => a.code === "oud-treatment")?.detail).toMatch(/buprenorphine or methadone/);
    expect(therapies(out)).not.toContain("opioid-taper-plan");
    expect(traceOf(out, "opioid.taper-plan").because).toMatch(/opioid use disorder/);
  });

  it("still treats buprenorphine without an indication as a pain opioid (version 1 meaning)", () => {
    const out = run({ medications: [{ drug: "buprenorphine", form: "patch", mcgPerHour: 10 }], treatments: [opioidCourse("none")] });
    expect(therapies(out)).toContain("opioid-taper-plan");
    expect(codes(out)).not.toContain("moud-continue");
  });
});

describe("opioid advice outside chronic back pain's scope", () => {
  const morphine120 = { drug: "morphine" as const, doseMg: 60, dosesPerDay: 2 };
  it.each([
    ["suspected metastasis (ladder suspended)", { redFlags: ["cancer-history" as const, "unexplained-weight-loss" as const] }],
    ["suspected fracture (ladder suspended)", { redFlags: ["major-trauma" as const] }],
    ["active cancer", { conditions: ["active-cancer" as const] }],
    ["palliative care", { conditions: ["palliative-care" as const] }],
    ["sickle cell disease", { conditions: ["sickle-cell-disease" as const] }],
  ])("%s: no taper plan and no 'opioid not recommended', safety alerts kept", (_label, overrides) => {
    const out = run({ medications: [morphine120, { drug: "lorazepam", doseMg: 1, dosesPerDay: 2 }], treatments: [opioidCourse("none")], ...overrides });
    expect(therapies(out)).not.toContain("opioid-taper-plan");
    expect(codes(out)).not.toContain("opioid-not-recommended");
    expect(codes(out)).toEqual(expect.arrayContaining(["opioid-benzodiazepine", "naloxone-not-on-hand"]));
    expect(traceOf(out, "opioid.taper-plan").outcome).toBe("not-fired");
  });
});

describe("opioid not recommended", () => {
  it("fires in the uk profile for chronic pain whatever was tried", () => {
    expect(codes(run({ profile: "uk", medications: [oxycodone(5)], treatments: everythingTried }))).toContain("opioid-not-recommended");
  });

  it("fires in the us profile when earlier steps were not tried", () => {
    expect(codes(run({ medications: [oxycodone(5)] }))).toContain("opioid-not-recommended");
  });

  it("does not fire in the us profile after non-drug care and medicines failed", () => {
    expect(traceOf(run({ medications: [oxycodone(5)], treatments: everythingTried }), "opioid.not-recommended").outcome).toBe("not-fired");
  });

  it("does not fire for acute pain", () => {
    expect(traceOf(run({ pain: { durationWeeks: 2 }, medications: [oxycodone(5)] }), "opioid.not-recommended").outcome).toBe("not-fired");
  });
});

describe("taper plan: offered when risks outweigh benefits, not on dose alone (CDC 2022 rec. 5; HHS 2019)", () => {
  it.each([
    ["no benefit", { treatments: [opioidCourse("none", 40)], medications: [oxycodone(5)] }, true],
    ["not tolerated", { treatments: [{ therapy: "opioid" as const, status: "current" as const, weeks: 10, response: "not-tolerated" as const }], medications: [oxycodone(5)] }, true],
    ["with a benzodiazepine", { medications: [oxycodone(5), { drug: "diazepam" as const, doseMg: 5, dosesPerDay: 2 }], treatments: [opioidCourse("good")] }, true],
    ["120 MME that helps, risks managed", { medications: [oxycodone(20)], treatments: [opioidCourse("good")], opioidSafety: managed }, false],
    ["120 MME that partly helps, risks managed", { medications: [oxycodone(20)], treatments: [opioidCourse("partial")], opioidSafety: managed }, false],
    ["120 MME, benefit not recorded, risks managed", { medications: [oxycodone(20)], opioidSafety: managed }, false],
    ["120 MME, benefit not recorded, no naloxone", { medications: [oxycodone(20)], opioidSafety: { ...managed, naloxoneOnHand: false } }, true],
    ["120 MME that helps well, no naloxone (prescribe it, no taper)", { medications: [oxycodone(20)], treatments: [opioidCourse("good")], opioidSafety: { ...managed, naloxoneOnHand: false } }, false],
    ["120 MME that partly helps, prescription record never reviewed", { medications: [oxycodone(20)], treatments: [opioidCourse("partial")], opioidSafety: { ...managed, pdmpReviewedDaysAgo: null } }, true],
    ["120 MME that partly helps, with gabapentin", { medications: [oxycodone(20), { drug: "gabapentin" as const, doseMg: 300, dosesPerDay: 3 }], treatments: [opioidCourse("partial")] }, true],
    ["120 MME that helps well, with sleep apnea", { medications: [oxycodone(20)], treatments: [opioidCourse("good")], conditions: ["sleep-apnea" as const] }, false],
    ["120 MME that partly helps, with sleep apnea", { medications: [oxycodone(20)], treatments: [opioidCourse("partial")], conditions: ["sleep-apnea" as const] }, true],
    ["low dose with substance use disorder and no clear benefit", { medications: [oxycodone(5)], conditions: ["substance-use-disorder" as const] }, true],
    ["partial benefit at a low dose (us)", { treatments: [opioidCourse("partial", 40)], medications: [oxycodone(5)] }, false],
    ["partial benefit at a low dose (uk)", { profile: "uk" as const, treatments: [opioidCourse("partial", 40)], medications: [oxycodone(5)] }, true],
    ["good benefit at a low dose (uk)", { profile: "uk" as const, treatments: [opioidCourse("good", 40)], medications: [oxycodone(5)] }, false],
  ])("%s: suggested %s", (_label, overrides, suggested) => {
    const out = run(overrides);
    expect(therapies(out).includes("opioid-taper-plan")).toBe(suggested);
    expect(out.taperSchedule === null).toBe(!suggested);
  });

  it("at 120 MME with benefit and managed risks says why no taper is suggested", () => {
    const out = run({ medications: [oxycodone(20)], treatments: [opioidCourse("good")], opioidSafety: managed });
    expect(traceOf(out, "opioid.taper-plan").because).toMatch(/benefit good.*do not escalate.*offer a taper if the patient wishes/);
    expect(out.alerts.find((a) => a.code === "mme-90")?.severity).toBe("warning");
  });

  it("offers rather than insists, and keeps naloxone in view", () => {
    const detail = run({ treatments: [opioidCourse("none")], medications: [oxycodone(10)] }).next.find((s) => s.therapy === "opioid-taper-plan")?.detail;
    expect(detail).toMatch(/do not insist/);
    expect(detail).toMatch(/naloxone/);
  });

  it("pregnancy: no taper plan without specialist input, and says so", () => {
    const out = run({ patient: { pregnant: true }, treatments: [opioidCourse("none")], medications: [oxycodone(10)] });
    expect(therapies(out)).not.toContain("opioid-taper-plan");
    expect(out.taperSchedule).toBeNull();
    const alert = out.alerts.find((a) => a.code === "opioid-pregnancy");
    expect(alert?.summary).toMatch(/no dose reduction without specialist input/);
    expect(alert?.evidence.map((e) => e.sourceId)).toContain("acog-2017-opioids-pregnancy");
    expect(traceOf(out, "opioid.taper-plan").because).toMatch(/pregnant/);
  });

  it.each([
    ["buprenorphine", { drug: "buprenorphine" as const, doseMg: 8, dosesPerDay: 2, indication: "opioid-use-disorder" as const }],
    ["methadone", { drug: "methadone" as const, doseMg: 80, dosesPerDay: 1, indication: "opioid-use-disorder" as const }],
  ])("pregnancy on %s for opioid use disorder: keep it going with specialist input, never a taper", (drug, medication) => {
    const out = run({ patient: { pregnant: true }, conditions: ["opioid-use-disorder"], medications: [medication] });
    const alert = out.alerts.find((a) => a.code === "opioid-pregnancy");
    expect(alert?.summary).toBe(`${drug[0]?.toUpperCase()}${drug.slice(1)} for opioid use disorder in pregnancy: keep it going, with specialist input`);
    expect(alert?.detail).toMatch(/recommended throughout pregnancy, over withdrawal/);
    expect(alert?.evidence.map((e) => e.sourceId)).toEqual(["acog-2017-opioids-pregnancy"]);
    expect(codes(out)).toContain("moud-continue");
    expect(therapies(out)).not.toContain("opioid-taper-plan");
    expect(traceOf(out, "opioid.pregnancy").outcome).toBe("fired");
  });

  it("medication for opioid use disorder outside pregnancy raises no pregnancy alert", () => {
    const out = run({ conditions: ["opioid-use-disorder"], medications: [{ drug: "buprenorphine", doseMg: 8, dosesPerDay: 2, indication: "opioid-use-disorder" }] });
    expect(codes(out)).not.toContain("opioid-pregnancy");
    expect(traceOf(out, "opioid.pregnancy").because).toMatch(/not recorded as pregnant/);
  });

  it("pregnancy: no other alert tells her to reduce the opioid or an NSAID's risk to be handled with gastroprotection", () => {
    const out = run({ patient: { pregnant: true }, treatments: [opioidCourse("none")], medications: [oxycodone(20), { drug: "ibuprofen", doseMg: 400, dosesPerDay: 3 }] });
    for (const code of ["mme-50", "mme-90", "opioid-not-recommended"]) {
      const detail = out.alerts.find((a) => a.code === code)?.detail;
      expect(detail, code).toMatch(/obstetric and (addiction or pain )?specialist input/);
      expect(detail, code).not.toMatch(/offer a gradual (taper|reduction)/);
    }
    const nsaid = out.alerts.find((a) => a.code === "nsaid-contraindicated");
    expect(nsaid?.detail).toMatch(/agreed with the obstetric team \(NSAIDs are avoided from 20 weeks\)/);
    expect(nsaid?.detail).not.toMatch(/kidney checks/);
  });
});

describe("taper schedule", () => {
  it("after a year or more: 10% of the starting dose every 4 weeks, down to half, then a review", () => {
    const out = run({ treatments: [opioidCourse("none", 80)], medications: [oxycodone(20)] });
    const schedule = out.taperSchedule;
    expect(schedule).toMatchObject({ startMmePerDay: 120, pace: "monthly", weeksPerStep: 4, stepPercentOfStart: 10, start: [{ drug: "oxycodone", dailyMg: 80 }] });
    expect(schedule?.steps.map((s) => [s.week, s.percentOfStart, s.mmePerDay, s.doses[0]?.dailyMg])).toEqual([
      [4, 90, 108, 72],
      [8, 80, 96, 64],
      [12, 70, 84, 56],
      [16, 60, 72, 48],
      [20, 50, 60, 40],
    ]);
    expect(schedule?.paceReason).toMatch(/80 weeks \(a year or more\)/);
    expect(schedule?.review).toMatch(/week 20/);
    expect(schedule?.pauses).toMatch(/Hold a step/);
    expect(schedule?.withdrawal.map((w) => w.symptoms).join(" ")).toMatch(/diarrhoea.*nausea.*aches/s);
    expect(schedule?.safety.join(" ")).toMatch(/naloxone/);
  });

  it("after weeks to months: 10% of the starting dose a week", () => {
    const schedule = run({ treatments: [opioidCourse("none", 10)], medications: [oxycodone(10)] }).taperSchedule;
    expect(schedule).toMatchObject({ pace: "weekly", weeksPerStep: 1 });
    expect(schedule?.steps.at(-1)).toMatchObject({ week: 5, percentOfStart: 50, mmePerDay: 30 });
    expect(schedule?.paceReason).toMatch(/10 weeks \(under a year\)/);
  });

  it("when the course length is unknown, takes the slower pace and says so", () => {
    const schedule = run({ medications: [oxycodone(10), { drug: "alprazolam", doseMg: 0.5, dosesPerDay: 2 }] }).taperSchedule;
    expect(schedule?.pace).toBe("monthly");
    expect(schedule?.paceReason).toMatch(/not recorded/);
  });

  it("gives percentages only when the dose cannot be computed, and the total only for more than one opioid", () => {
    const unknown = run({ treatments: [opioidCourse("none")], medications: [{ drug: "morphine", doseMg: 30 }] }).taperSchedule;
    expect(unknown?.startMmePerDay).toBeNull();
    expect(unknown?.steps[0]).toMatchObject({ percentOfStart: 90, mmePerDay: null, doses: [] });
    const two = run({ treatments: [opioidCourse("none")], medications: [oxycodone(10), { drug: "morphine", form: "er", doseMg: 30, dosesPerDay: 2 }] }).taperSchedule;
    expect(two?.start).toEqual([]);
    expect(two?.steps[0]?.mmePerDay).toBe(108);
    expect(two?.review).toMatch(/one at a time/);
  });

  it("offers acetaminophen rather than an NSAID for aches when an NSAID is unsafe", () => {
    const schedule = run({ treatments: [opioidCourse("none")], medications: [oxycodone(10)], labs: { egfr: 25 } }).taperSchedule;
    expect(schedule?.withdrawal.find((w) => w.symptoms === "muscle aches")?.whatToDo).toMatch(/NSAID is unsafe/);
  });
});
