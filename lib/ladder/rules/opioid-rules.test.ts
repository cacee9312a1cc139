import { describe, expect, it } from "vitest";
import { codes, PT_ADEQUATE_NO_RESPONSE, NSAID_FAILED, DULOXETINE_FAILED, run, therapies, traceOf } from "../../../tests/support/assessment";

const oxycodone = (doseMg: number, dosesPerDay = 4) => ({ drug: "oxycodone" as const, doseMg, dosesPerDay });
const severityOf = (out: ReturnType<typeof run>, code: string) => out.alerts.find((a) => a.code === code)?.severity;

describe("MME thresholds", () => {
  it.each([
    [8, 48, [], ["mme-50", "mme-90"]],
    [8.4, 50.4, ["mme-50"], ["mme-90"]],
    [14.9, 89.4, ["mme-50"], ["mme-90"]],
    [15, 90, ["mme-50", "mme-90"], []],
  ] as const)("oxycodone %s mg four times a day = %s MME", (dose, total, present, absent) => {
    const out = run({ medications: [oxycodone(dose)], opioidSafety: { naloxoneOnHand: true, pdmpReviewedDaysAgo: 10, urineDrugTestDaysAgo: 10 } });
    expect(out.mme.totalPerDay).toBeCloseTo(total, 5);
    for (const code of present) expect(codes(out)).toContain(code);
    for (const code of absent) expect(codes(out)).not.toContain(code);
  });

  it("makes 90+ MME critical when another overdose risk is present", () => {
    expect(severityOf(run({ medications: [oxycodone(15)], opioidSafety: { naloxoneOnHand: true } }), "mme-90")).toBe("warning");
    expect(severityOf(run({ medications: [oxycodone(15)], conditions: ["sleep-apnea"], opioidSafety: { naloxoneOnHand: true } }), "mme-90")).toBe("critical");
    expect(severityOf(run({ medications: [oxycodone(15)] }), "mme-90")).toBe("critical");
  });

  it("judges thresholds on the computed part when the total is unknown", () => {
    const out = run({ medications: [oxycodone(10), { drug: "morphine", doseMg: 30 }] });
    expect(out.mme).toMatchObject({ totalPerDay: null, computable: false, computedPerDay: 60 });
    expect(codes(out)).toEqual(expect.arrayContaining(["mme-not-computable", "mme-50"]));
    expect(out.alerts.find((a) => a.code === "mme-50")?.summary).toContain("at least 60");
  });

  it("says MME is not computable for an opioid treatment with no medication sig", () => {
    const out = run({ treatments: [{ therapy: "opioid", status: "current", weeks: 30 }] });
    expect(out.mme.totalPerDay).toBeNull();
    expect(traceOf(out, "opioid.mme-not-computable").outcome).toBe("fired");
    expect(traceOf(out, "opioid.mme-50").outcome).toBe("insufficient-data");
  });

  it("does nothing without opioids", () => {
    const out = run({ medications: [{ drug: "naproxen", doseMg: 500, dosesPerDay: 2 }] });
    expect(out.mme).toMatchObject({ totalPerDay: 0, computable: true });
    for (const rule of ["opioid.mme-50", "opioid.naloxone", "opioid.pdmp-review", "opioid.toxicology", "opioid.taper-plan"]) expect(traceOf(out, rule).outcome).toBe("not-fired");
  });
});

describe("opioid with a benzodiazepine", () => {
  it("is critical and brings naloxone and a gradual plan", () => {
    const out = run({ medications: [oxycodone(5), { drug: "alprazolam", doseMg: 0.5, dosesPerDay: 2 }] });
    expect(severityOf(out, "opioid-benzodiazepine")).toBe("critical");
    expect(therapies(out)).toEqual(expect.arrayContaining(["naloxone", "opioid-taper-plan"]));
    expect(out.next.find((s) => s.therapy === "opioid-taper-plan")?.detail).toMatch(/gradually/);
  });

  it("counts a benzodiazepine recorded as a current treatment", () => {
    expect(codes(run({ medications: [oxycodone(5)], treatments: [{ therapy: "benzodiazepine", status: "current" }] }))).toContain("opioid-benzodiazepine");
  });

  it("does not fire for a benzodiazepine alone", () => {
    expect(traceOf(run({ medications: [{ drug: "diazepam", doseMg: 5, dosesPerDay: 2 }] }), "opioid.benzodiazepine").outcome).toBe("not-fired");
  });
});

describe("naloxone", () => {
  it.each([
    ["50+ MME, none on hand", { medications: [oxycodone(10)], opioidSafety: { naloxoneOnHand: false } }, true],
    ["50+ MME, not documented", { medications: [oxycodone(10)] }, true],
    ["low dose with sleep apnea", { medications: [oxycodone(2.5)], conditions: ["sleep-apnea" as const] }, true],
    ["low dose with substance use disorder", { medications: [oxycodone(2.5)], conditions: ["substance-use-disorder" as const] }, true],
    ["50+ MME with naloxone on hand", { medications: [oxycodone(10)], opioidSafety: { naloxoneOnHand: true } }, false],
    ["low dose without risk factors", { medications: [oxycodone(2.5)] }, false],
  ])("%s", (_label, overrides, fires) => {
    const out = run(overrides);
    expect(codes(out).includes("naloxone-not-on-hand")).toBe(fires);
    expect(therapies(out).includes("naloxone")).toBe(fires);
  });
});

describe("prescription monitoring and toxicology", () => {
  it.each([
    [90, false],
    [91, true],
    [null, true],
    [undefined, true],
  ])("PDMP reviewed %s days ago: due %s", (days, due) => {
    const out = run({ medications: [oxycodone(5)], opioidSafety: days === undefined ? {} : { pdmpReviewedDaysAgo: days } });
    expect(codes(out).includes("pdmp-review-due")).toBe(due);
  });

  it.each([
    [365, false],
    [366, true],
    [null, true],
  ])("urine drug test %s days ago: due %s", (days, due) => {
    expect(codes(run({ medications: [oxycodone(5)], opioidSafety: { urineDrugTestDaysAgo: days } })).includes("urine-drug-test-due")).toBe(due);
  });
});

describe("opioid not recommended", () => {
  const everythingTried = [PT_ADEQUATE_NO_RESPONSE, NSAID_FAILED, DULOXETINE_FAILED];

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

describe("taper plan", () => {
  it.each([
    ["no benefit", { treatments: [{ therapy: "opioid" as const, status: "current" as const, weeks: 40, response: "none" as const }], medications: [oxycodone(5)] }, true],
    ["90+ MME", { medications: [oxycodone(15)] }, true],
    ["opioid use disorder", { medications: [oxycodone(5)], conditions: ["opioid-use-disorder" as const] }, true],
    ["partial benefit at a low dose (us)", { treatments: [{ therapy: "opioid" as const, status: "current" as const, weeks: 40, response: "partial" as const }], medications: [oxycodone(5)] }, false],
  ])("%s: suggested %s", (_label, overrides, suggested) => {
    expect(therapies(run(overrides)).includes("opioid-taper-plan")).toBe(suggested);
  });

  it("offers treatment for opioid use disorder rather than a taper alone", () => {
    const plan = run({ medications: [oxycodone(5)], conditions: ["opioid-use-disorder"] }).next.find((s) => s.therapy === "opioid-taper-plan");
    expect(plan?.detail).toMatch(/buprenorphine or methadone/);
  });
});
