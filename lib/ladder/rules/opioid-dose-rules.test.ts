import { describe, expect, it } from "vitest";
import { codes, run, traceOf } from "../../../tests/support/assessment";

const oxycodone = (doseMg: number, dosesPerDay = 4) => ({ drug: "oxycodone" as const, doseMg, dosesPerDay });
const severityOf = (out: ReturnType<typeof run>, code: string) => out.alerts.find((a) => a.code === code)?.severity;
const detailOf = (out: ReturnType<typeof run>, code: string) => out.alerts.find((a) => a.code === code)?.detail ?? "";

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
    expect(out.mme).toMatchObject({ totalPerDay: 0, currentPerDay: 0, computable: true });
    for (const rule of ["opioid.mme-50", "opioid.naloxone", "opioid.pdmp-review", "opioid.toxicology", "opioid.taper-plan"]) expect(traceOf(out, rule).outcome).toBe("not-fired");
  });
});

describe("high-dose advice (CDC 2022 rec. 5): reassess and offer, never insist", () => {
  it("at 90+ MME says not to increase and to offer a taper when risks outweigh benefits or the patient wishes, without insisting", () => {
    const detail = detailOf(run({ medications: [oxycodone(20)] }), "mme-90");
    expect(detail).toMatch(/Do not increase/);
    expect(detail).toMatch(/risks outweigh benefits or the patient wishes/);
    expect(detail).toMatch(/do not insist/);
    expect(detail).not.toMatch(/agree a plan to reduce/);
  });

  it.each([
    ["active cancer", { conditions: ["active-cancer" as const] }],
    ["palliative care", { conditions: ["palliative-care" as const] }],
    ["sickle cell disease", { conditions: ["sickle-cell-disease" as const] }],
  ])("with %s keeps the dose alerts but drops the chronic back pain reduction advice", (label, overrides) => {
    const out = run({ medications: [{ drug: "morphine", doseMg: 60, dosesPerDay: 2 }], ...overrides });
    expect(codes(out)).toEqual(expect.arrayContaining(["mme-50", "mme-90", "naloxone-not-on-hand"]));
    expect(detailOf(out, "mme-90")).toMatch(/does not govern this pain/);
    expect(detailOf(out, "mme-90")).toContain(`(${label}: outside the scope of CDC 2022`);
    expect(detailOf(out, "mme-90")).not.toMatch(/taper/);
  });
});

describe("medication for opioid use disorder is never counted in MME", () => {
  it.each([
    ["methadone 100 mg", { drug: "methadone" as const, doseMg: 100, dosesPerDay: 1, indication: "opioid-use-disorder" as const }],
    ["sublingual buprenorphine 8 mg twice a day", { drug: "buprenorphine" as const, doseMg: 8, dosesPerDay: 2, indication: "opioid-use-disorder" as const }],
  ])("%s for opioid use disorder: 0 MME, no dose alerts", (_label, medication) => {
    const out = run({ medications: [medication], conditions: ["opioid-use-disorder"] });
    expect(out.mme).toMatchObject({ totalPerDay: 0, currentPerDay: 0, computable: true });
    for (const code of ["mme-50", "mme-90", "mme-not-computable"]) expect(codes(out)).not.toContain(code);
  });

  it("the same methadone taken for pain is 470 MME (version 1 meaning: indication defaults to pain)", () => {
    const out = run({ medications: [{ drug: "methadone", doseMg: 100, dosesPerDay: 1 }] });
    expect(out.mme.totalPerDay).toBe(470);
    expect(codes(out)).toContain("mme-90");
  });
});

describe("a first opioid ordered at this visit: the order is weighed, nothing is tapered (CDC 2022 rec. 4)", () => {
  const naive = { pain: { durationWeeks: 30, intensity: 7 }, orders: [{ action: "new" as const, medication: { drug: "oxycodone" as const, form: "ir" as const, doseMg: 30, dosesPerDay: 4 } }] };

  it("speaks of a starting dose, critical at 90+ MME, and offers no taper of a drug not yet taken", () => {
    const out = run(naive);
    expect(out.mme.totalPerDay).toBe(180);
    expect(out.mme.currentPerDay).toBe(0);
    const high = out.alerts.find((a) => a.code === "mme-90");
    expect(high?.severity).toBe("critical");
    expect(high?.summary).toMatch(/^High starting opioid dose: 180 MME\/day/);
    expect(high?.detail).toMatch(/starting dose for someone who takes no opioid: a first opioid starts at the lowest effective dose/);
    expect(high?.detail).not.toMatch(/taper|reduction/);
    expect(high?.evidence[0]?.claim).toMatch(/Recommendation 4/);
    expect(out.alerts.find((a) => a.code === "mme-50")?.detail).not.toMatch(/reduction/);
    expect(out.taperSchedule).toBeNull();
    expect(out.next.map((s) => s.therapy)).not.toContain("opioid-taper-plan");
    expect(traceOf(out, "opioid.taper-plan").because).toMatch(/ordered at this visit and not yet taken/);
    const notRecommended = out.alerts.find((a) => a.code === "opioid-not-recommended");
    expect(notRecommended?.summary).toBe("New opioid ordered before the steps ACP puts first were tried");
    expect(notRecommended?.detail).toMatch(/weigh the order with the patient before it is started/);
    expect(notRecommended?.detail).not.toMatch(/reduction/);
  });

  it("keeps the taken-dose advice when the same dose is renewed for someone already taking it", () => {
    const out = run({ ...naive, medications: [{ drug: "oxycodone", form: "ir", doseMg: 30, dosesPerDay: 4 }], orders: [{ action: "continue", medication: { drug: "oxycodone", form: "ir" } }] });
    expect(out.alerts.find((a) => a.code === "mme-90")?.summary).toMatch(/^High opioid dose/);
    expect(out.alerts.find((a) => a.code === "mme-90")?.detail).toMatch(/offer a gradual taper when risks outweigh benefits/);
    expect(out.alerts.find((a) => a.code === "opioid-not-recommended")?.summary).toBe("Opioid taken before the steps ACP puts first were tried");
  });
});

describe("an opioid dose raised by this visit's orders (CDC 2022 rec. 4)", () => {
  const change = (doseMg: number, dosesPerDay = 4) => ({ action: "change" as const, medication: { drug: "oxycodone" as const, doseMg, dosesPerDay } });
  const increase = (out: ReturnType<typeof run>) => out.alerts.find((a) => a.code === "opioid-dose-increase");

  it("45 to 120 MME/day: a warning naming both doses and the threshold crossed", () => {
    const out = run({ medications: [oxycodone(7.5)], orders: [change(20)] });
    expect(increase(out)).toMatchObject({ severity: "warning", summary: "Opioid dose raised by this visit's orders: 45 to 120 MME/day" });
    expect(increase(out)?.detail).toMatch(/this takes it to 90 MME\/day or more/);
    expect(increase(out)?.evidence[0]).toMatchObject({ sourceId: "cdc-2022", claim: expect.stringMatching(/Recommendation 4/) });
    expect(traceOf(out, "opioid.dose-increase").because).toBe("45 to 120 MME/day by this visit's orders (crossing 90)");
  });

  it("30 to 60 MME/day crosses 50; 60 to 75 crosses nothing but is still an increase", () => {
    expect(increase(run({ medications: [oxycodone(5)], orders: [change(10)] }))?.detail).toMatch(/this takes it to 50 MME\/day or more/);
    const small = increase(run({ medications: [oxycodone(10)], orders: [change(12.5)] }));
    expect(small?.summary).toBe("Opioid dose raised by this visit's orders: 60 to 75 MME/day");
    expect(small?.detail).not.toMatch(/this takes it to/);
  });

  it("a second opioid added to the first raises the total", () => {
    const out = run({ medications: [oxycodone(5)], orders: [{ action: "new", medication: { drug: "morphine", doseMg: 15, dosesPerDay: 2 } }] });
    expect(increase(out)?.summary).toBe("Opioid dose raised by this visit's orders: 30 to 60 MME/day");
  });

  it.each([
    ["a renewal at the same sig", { medications: [oxycodone(5)], orders: [{ action: "new" as const, medication: oxycodone(5) }] }, "not-fired", /do not raise the dose \(30 to 30 MME\/day\)/],
    ["a reduction", { medications: [oxycodone(10)], orders: [change(7.5)] }, "not-fired", /do not raise the dose \(60 to 45 MME\/day\)/],
    ["orders for other medicines only", { medications: [oxycodone(5)], orders: [{ action: "new" as const, medication: { drug: "naproxen" as const, doseMg: 500, dosesPerDay: 2 } }] }, "not-fired", /no opioid ordered at this visit/],
    ["a first opioid for someone who takes none", { orders: [{ action: "new" as const, medication: oxycodone(5) }] }, "not-fired", /starting dose, not an increase/],
    ["active cancer (outside the guidance)", { conditions: ["active-cancer" as const], medications: [oxycodone(5)], orders: [change(10)] }, "not-fired", /outside the scope of CDC 2022/],
    ["a dose that cannot be computed after the order", { medications: [oxycodone(5)], orders: [{ action: "new" as const, medication: { drug: "morphine" as const } }] }, "insufficient-data", /cannot be computed/],
  ])("%s: no alert", (_label, overrides, outcome, because) => {
    const out = run(overrides);
    expect(increase(out)).toBeUndefined();
    expect(traceOf(out, "opioid.dose-increase").outcome).toBe(outcome);
    expect(traceOf(out, "opioid.dose-increase").because).toMatch(because);
  });
});
