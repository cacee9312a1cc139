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
    expect(alert?.summary).toBe("Buprenorphine for opioid use disorder, started at this visit: support it");
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
    expect(out.alerts.find((a) => a.code === "moud-continue")?.summary).toBe("Methadone for opioid use disorder: continue it");
  });

  it.each([
    ["oxycodone ordered at this visit beside buprenorphine", { drug: "buprenorphine" as const, doseMg: 16, dosesPerDay: 1, indication: "opioid-use-disorder" as const }, { orders: [{ action: "new" as const, medication: oxycodone(5) }], medications: [] }, /buprenorphine blunts a full agonist's effect/],
    ["oxycodone taken beside methadone", { drug: "methadone" as const, doseMg: 80, dosesPerDay: 1, indication: "opioid-use-disorder" as const }, { orders: [], medications: [oxycodone(5)] }, /^(?![\s\S]*blunts)/],
  ])("%s: a warning to plan the opioid for pain with the prescriber", (_label, moud, extra, drugSpecific) => {
    const out = run({ conditions: ["opioid-use-disorder"], ...extra, medications: [moud, ...extra.medications] });
    const alert = out.alerts.find((a) => a.code === "moud-continue");
    expect(alert?.severity).toBe("warning");
    expect(alert?.summary).toMatch(/continue it, and plan oxycodone for pain with its prescriber$/);
    expect(alert?.detail).toMatch(/risks relapse and overdose/);
    expect(alert?.detail).toMatch(drugSpecific);
    expect(out.mme.totalPerDay).toBe(30);
  });

  it("without an opioid for pain the continuation is information", () => {
    const out = run({ medications: [{ drug: "buprenorphine", doseMg: 16, dosesPerDay: 1, indication: "opioid-use-disorder" }], conditions: ["opioid-use-disorder"] });
    expect(out.alerts.find((a) => a.code === "moud-continue")).toMatchObject({ severity: "info", summary: "Buprenorphine for opioid use disorder: continue it" });
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

  it.each([
    ["us", "acetaminophen or an NSAID for a few days"],
    ["uk", "paracetamol or an NSAID for a few days"],
  ] as const)("names the painkiller for aches as the %s profile does", (profile, whatToDo) => {
    const schedule = run({ profile, treatments: [opioidCourse("none")], medications: [oxycodone(10)] }).taperSchedule;
    expect(schedule?.withdrawal.find((w) => w.symptoms === "muscle aches")?.whatToDo).toBe(whatToDo);
  });
});

describe("an opioid ended by a stop order at this visit (contract 1.1: the engine's advice stays gradual)", () => {
  const stop = (drug: "oxycodone" | "buprenorphine" | "methadone" | "codeine") => ({ action: "stop" as const, medication: { drug } });
  const moud = (drug: "buprenorphine" | "methadone", doseMg: number) => ({ drug, doseMg, dosesPerDay: 1, indication: "opioid-use-disorder" as const });

  it("long-term oxycodone at 90 MME: a warning, and a taper plan from the dose taken before the order", () => {
    const out = run({ treatments: [opioidCourse("partial", 104)], medications: [oxycodone(15)], orders: [stop("oxycodone")], opioidSafety: managed });
    const alert = out.alerts.find((a) => a.code === "opioid-stop-ordered");
    expect(alert).toMatchObject({ severity: "warning", summary: "Oxycodone ended at once by an order: reduce it gradually instead" });
    expect(alert?.detail).toMatch(/taken for 104 weeks, 90 MME\/day/);
    expect(alert?.detail).toMatch(/life-threatening reason/);
    expect(alert?.evidence.map((e) => e.sourceId)).toEqual(["cdc-2022", "hhs-2019-tapering", "fda-2019-opioid-discontinuation"]);
    const plan = out.next.find((s) => s.therapy === "opioid-taper-plan");
    expect(plan?.id).toBe("opioid.stop-order/opioid-taper-plan");
    expect(plan?.detail).toMatch(/90 to 45 MME\/day by week 20/);
    expect(out.taperSchedule).toMatchObject({ startMmePerDay: 90, pace: "monthly", start: [{ drug: "oxycodone", dailyMg: 60 }] });
    expect(out.taperSchedule?.steps[0]).toMatchObject({ week: 4, mmePerDay: 81, doses: [{ drug: "oxycodone", dailyMg: 54 }] });
    expect(out.mme).toMatchObject({ currentPerDay: 90, totalPerDay: 0, computable: true });
  });

  it("the opioid course recorded as current ends with the order: MME after it is 0, not 'not computable'", () => {
    const out = run({ treatments: [opioidCourse("partial", 104)], medications: [oxycodone(15)], orders: [stop("oxycodone")] });
    expect(out.mme.totalPerDay).toBe(0);
    expect(codes(out)).not.toContain("mme-not-computable");
    expect(traceOf(out, "opioid.mme-not-computable").outcome).toBe("not-fired");
  });

  it("weeks to months of use: the weekly pace", () => {
    const out = run({ treatments: [opioidCourse("partial", 10)], medications: [oxycodone(5)], orders: [stop("oxycodone")] });
    expect(out.taperSchedule).toMatchObject({ pace: "weekly", startMmePerDay: 30 });
    expect(traceOf(out, "opioid.stop-order").because).toBe("oxycodone (taken for 10 weeks) stopped at once by an order: a gradual reduction is offered instead, pace weekly");
  });

  it("how long it was taken is not recorded: the slower pace, and the detail says 'taken regularly'", () => {
    const out = run({ medications: [oxycodone(5)], orders: [stop("oxycodone")] });
    expect(out.taperSchedule?.pace).toBe("monthly");
    expect(out.alerts.find((a) => a.code === "opioid-stop-ordered")?.detail).toMatch(/^Ending oxycodone \(taken regularly, 30 MME\/day\) at once/);
  });

  it("under a week of use: it can end without a taper, and nothing is said", () => {
    const out = run({ pain: { durationWeeks: 1, intensity: 7 }, treatments: [{ therapy: "opioid", status: "current", weeks: 0.5 }], medications: [{ drug: "codeine", doseMg: 30, dosesPerDay: 4 }], orders: [stop("codeine")] });
    expect(codes(out)).not.toContain("opioid-stop-ordered");
    expect(out.taperSchedule).toBeNull();
    expect(traceOf(out, "opioid.stop-order")).toMatchObject({ outcome: "not-fired", because: "codeine taken for 0.5 weeks (under a week): it can stop without a taper" });
  });

  it("in pregnancy: keep the dose with specialist input, and no taper plan", () => {
    const out = run({ patient: { ageYears: 30, pregnant: true }, medications: [oxycodone(5)], orders: [stop("oxycodone")] });
    const alert = out.alerts.find((a) => a.code === "opioid-stop-ordered");
    expect(alert?.summary).toBe("Oxycodone ended at once by an order in pregnancy: keep the dose, with specialist input");
    expect(alert?.evidence.map((e) => e.sourceId)).toContain("acog-2017-opioids-pregnancy");
    expect(therapies(out)).not.toContain("opioid-taper-plan");
    expect(out.taperSchedule).toBeNull();
  });

  it.each([
    ["buprenorphine", moud("buprenorphine", 16)],
    ["methadone", moud("methadone", 80)],
  ])("%s for opioid use disorder: critical, continue it, and never a taper plan", (drug, medication) => {
    const out = run({ medications: [medication], conditions: ["opioid-use-disorder"], orders: [stop(drug as "buprenorphine" | "methadone")] });
    const alert = out.alerts.find((a) => a.code === "opioid-stop-ordered");
    expect(alert).toMatchObject({ severity: "critical", summary: `${drug[0]?.toUpperCase()}${drug.slice(1)} for opioid use disorder ended by an order: continue it instead` });
    expect(alert?.evidence[0]).toMatchObject({ sourceId: "cdc-2022", claim: expect.stringMatching(/Recommendation 12/) });
    expect(therapies(out)).not.toContain("opioid-taper-plan");
    expect(out.taperSchedule).toBeNull();
    expect(codes(out)).not.toContain("oud-treatment");
    expect(traceOf(out, "opioid.use-disorder").because).toMatch(/the stop-order alert asks for it to continue/);
  });

  it("medication for opioid use disorder and a pain opioid both ended: one alert (alerts are keyed by code), critical, about both", () => {
    const out = run({ medications: [moud("buprenorphine", 16), oxycodone(5)], orders: [stop("buprenorphine"), stop("oxycodone")] });
    const alerts = out.alerts.filter((a) => a.code === "opioid-stop-ordered");
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ severity: "critical", summary: "Buprenorphine for opioid use disorder and oxycodone ended by orders: continue the buprenorphine; for the oxycodone, reduce it gradually instead" });
    expect(out.taperSchedule?.start).toEqual([{ drug: "oxycodone", dailyMg: 20 }]);
  });

  it("one opioid ended at once while another goes on with its own taper: the taper starts from the dose before the orders, the ended opioid included", () => {
    const out = run({
      treatments: [...everythingTried, opioidCourse("none")],
      medications: [oxycodone(15), { drug: "morphine", doseMg: 30, dosesPerDay: 2 }],
      orders: [stop("oxycodone")],
      opioidSafety: managed,
    });
    expect(codes(out)).toContain("opioid-stop-ordered");
    expect(out.mme).toMatchObject({ currentPerDay: 150, totalPerDay: 60 });
    expect(out.taperSchedule).toMatchObject({ startMmePerDay: 150, start: [] });
    expect(out.taperSchedule?.steps.at(-1)).toMatchObject({ percentOfStart: 50, mmePerDay: 75 });
    expect(out.next.find((s) => s.therapy === "opioid-taper-plan")?.detail).toMatch(/\(150 to 75 MME\/day by week 20\).*It starts from the dose taken before this visit's orders, oxycodone included, rather than ending any of it at once\./);
    expect(traceOf(out, "opioid.stop-order").because).toMatch(/the taper plan already shown starts from the dose before the orders/);
  });

  it("a switch to another opioid that keeps at least half the daily dose is not a sudden end", () => {
    const out = run({ treatments: [opioidCourse("partial", 104)], medications: [oxycodone(15)], orders: [stop("oxycodone"), { action: "new", medication: { drug: "morphine", form: "er", doseMg: 30, dosesPerDay: 2 } }] });
    expect(codes(out)).not.toContain("opioid-stop-ordered");
    expect(traceOf(out, "opioid.stop-order")).toMatchObject({ outcome: "not-fired", because: "oxycodone stopped with another opioid for pain going on: a switch keeping 60 of 90 MME/day (at least half), not a sudden end" });
  });

  it("ending one opioid while a small one goes on cuts the dose by more than half at once: the alert says so", () => {
    const out = run({ treatments: [opioidCourse("partial", 104)], medications: [oxycodone(15), { drug: "tramadol", doseMg: 50, dosesPerDay: 2 }], orders: [stop("oxycodone")] });
    const alert = out.alerts.find((a) => a.code === "opioid-stop-ordered");
    expect(alert?.summary).toBe("Oxycodone ended at once by an order (110 to 20 MME/day): reduce it gradually instead");
    expect(alert?.detail).toMatch(/cuts the opioid dose from 110 to 20 MME\/day in one step/);
    expect(out.taperSchedule).toMatchObject({ startMmePerDay: 90, start: [{ drug: "oxycodone", dailyMg: 60 }] });
  });

  it("a switch whose dose cannot be computed on one side: the cut cannot be judged, and the trace says so", () => {
    const out = run({ medications: [oxycodone(15)], orders: [stop("oxycodone"), { action: "new", medication: { drug: "morphine" } }] });
    expect(codes(out)).not.toContain("opioid-stop-ordered");
    expect(traceOf(out, "opioid.stop-order").because).toMatch(/cannot be computed, so the size of the cut cannot be judged/);
  });

  it.each([
    ["no orders", {}],
    ["a continue order", { orders: [{ action: "continue" as const, medication: { drug: "oxycodone" as const } }] }],
    ["a stop of a non-opioid", { medications: [oxycodone(5), { drug: "naproxen" as const, doseMg: 500, dosesPerDay: 2 }], orders: [{ action: "stop" as const, medication: { drug: "naproxen" as const } }] }],
  ])("%s: not fired", (_label, overrides) => {
    const out = run({ medications: [oxycodone(5)], ...overrides });
    expect(codes(out)).not.toContain("opioid-stop-ordered");
    expect(traceOf(out, "opioid.stop-order")).toMatchObject({ outcome: "not-fired", because: "no opioid is stopped by this visit's orders" });
  });
});

describe("an opioid dose cut by more than half at once by a change order (HHS 2019)", () => {
  const change = (doseMg: number) => ({ action: "change" as const, medication: { drug: "oxycodone" as const, doseMg, dosesPerDay: 4 } });
  const rapid = (out: ReturnType<typeof run>) => out.alerts.find((a) => a.code === "opioid-rapid-reduction");

  it.each([
    [104, /about 10% of the dose every month after a year or more of use/],
    [10, /about 10% of the dose every week after weeks to months of use/],
    [undefined, /every month, the pace for long-term use, as how long it has been taken is not recorded/],
  ])("90 to 30 MME/day after %s weeks: a warning with the pace for that length of use", (weeks, pace) => {
    const treatments = weeks === undefined ? [] : [opioidCourse("partial", weeks)];
    const alert = rapid(run({ treatments, medications: [oxycodone(15)], orders: [change(5)] }));
    expect(alert).toMatchObject({ severity: "warning", summary: "Opioid dose cut by more than half at once: 90 to 30 MME/day" });
    expect(alert?.detail).toMatch(pace);
    expect(alert?.evidence.map((e) => e.sourceId)).toContain("hhs-2019-tapering");
  });

  it("in pregnancy: keep the dose steady, with specialist input", () => {
    const alert = rapid(run({ patient: { ageYears: 30, pregnant: true }, medications: [oxycodone(15)], orders: [change(5)] }));
    expect(alert?.detail).toMatch(/^A fast cut brings withdrawal, which can harm the pregnancy/);
  });

  it.each([
    ["a cut of exactly half", { medications: [oxycodone(10)], orders: [change(5)] }, "not-fired", /60 to 30 MME\/day: not a cut of more than half/],
    ["under a week of use", { treatments: [opioidCourse("partial", 0.5)], medications: [oxycodone(15)], orders: [change(5)] }, "not-fired", /under a week/],
    ["a stop order (judged by the stop-order rule)", { medications: [oxycodone(15), { drug: "tramadol" as const, doseMg: 50, dosesPerDay: 2 }], orders: [{ action: "stop" as const, medication: { drug: "oxycodone" as const } }] }, "not-fired", /stop-order rule judges the cut/],
    ["a dose that cannot be computed", { medications: [{ drug: "oxycodone" as const }], orders: [change(5)] }, "insufficient-data", /cannot be computed/],
  ])("%s: no alert", (_label, overrides, outcome, because) => {
    const out = run(overrides);
    expect(rapid(out)).toBeUndefined();
    expect(traceOf(out, "opioid.rapid-reduction")).toMatchObject({ outcome, because: expect.stringMatching(because) });
  });
});
