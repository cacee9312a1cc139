import { describe, expect, it } from "vitest";
import { codes, run, therapies, traceOf } from "../../../tests/support/assessment";

const oxycodone = (doseMg: number, dosesPerDay = 4) => ({ drug: "oxycodone" as const, doseMg, dosesPerDay });
const buprenorphineForOud = { drug: "buprenorphine" as const, doseMg: 8, dosesPerDay: 2, indication: "opioid-use-disorder" as const };

describe("naloxone", () => {
  it.each([
    ["50+ MME, none on hand", { medications: [oxycodone(10)], opioidSafety: { naloxoneOnHand: false } }, true],
    ["50+ MME, not documented", { medications: [oxycodone(10)] }, true],
    ["low dose with sleep apnea", { medications: [oxycodone(2.5)], conditions: ["sleep-apnea" as const] }, true],
    ["low dose with substance use disorder", { medications: [oxycodone(2.5)], conditions: ["substance-use-disorder" as const] }, true],
    ["low dose with gabapentin", { medications: [oxycodone(2.5), { drug: "gabapentin" as const, doseMg: 300, dosesPerDay: 3 }] }, true],
    ["low dose with a sleeping pill", { medications: [oxycodone(2.5), { drug: "zolpidem" as const, doseMg: 5, dosesPerDay: 1 }] }, true],
    ["low dose with a muscle relaxant", { medications: [oxycodone(2.5), { drug: "cyclobenzaprine" as const, doseMg: 10, dosesPerDay: 3 }] }, true],
    ["buprenorphine for opioid use disorder", { medications: [buprenorphineForOud], conditions: ["opioid-use-disorder" as const] }, true],
    ["50+ MME with naloxone on hand", { medications: [oxycodone(10)], opioidSafety: { naloxoneOnHand: true } }, false],
    ["low dose without risk factors", { medications: [oxycodone(2.5)] }, false],
  ])("%s", (_label, overrides, fires) => {
    const out = run(overrides);
    expect(codes(out).includes("naloxone-not-on-hand")).toBe(fires);
    expect(therapies(out).includes("naloxone")).toBe(fires);
  });

  it("is critical with opioid use disorder", () => {
    expect(run({ medications: [buprenorphineForOud] }).alerts.find((a) => a.code === "naloxone-not-on-hand")?.severity).toBe("critical");
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

  it("uk profile: no PDMP alert or suggestion, but a review of controlled-drug prescribing across providers", () => {
    const out = run({ profile: "uk", medications: [oxycodone(5)], opioidSafety: { pdmpReviewedDaysAgo: null, urineDrugTestDaysAgo: null } });
    expect(codes(out)).not.toContain("pdmp-review-due");
    expect(therapies(out)).not.toContain("pdmp-review");
    const review = out.alerts.find((a) => a.code === "prescribing-record-review");
    expect(review?.detail).toMatch(/no prescription drug monitoring programme/);
    expect(review?.detail).toMatch(/Summary Care Record/);
    expect(review?.evidence[0]?.sourceId).toBe("nice-ng215");
    expect(codes(run({ profile: "uk", medications: [oxycodone(5)], opioidSafety: { pdmpReviewedDaysAgo: 30 } }))).not.toContain("prescribing-record-review");
  });

  it("applies to medication for opioid use disorder too", () => {
    expect(codes(run({ medications: [buprenorphineForOud], opioidSafety: { naloxoneOnHand: true } }))).toEqual(expect.arrayContaining(["pdmp-review-due", "urine-drug-test-due"]));
  });
});

describe("toxicology testing is for opioids in subacute or chronic pain (CDC 2022 rec. 10)", () => {
  const newOxycodone = { action: "new" as const, medication: { drug: "oxycodone" as const, form: "ir" as const, doseMg: 5, dosesPerDay: 4 } };

  it("is not due for a first opioid ordered for acute pain, while the PDMP review still is (rec. 9)", () => {
    const out = run({ pain: { durationWeeks: 2, intensity: 8 }, orders: [newOxycodone] });
    expect(codes(out)).not.toContain("urine-drug-test-due");
    expect(therapies(out)).not.toContain("urine-drug-test");
    expect(traceOf(out, "opioid.toxicology").because).toMatch(/acute pain/);
    expect(codes(out)).toContain("pdmp-review-due");
  });

  it.each([
    ["subacute pain with a first opioid", { pain: { durationWeeks: 6, intensity: 8 }, orders: [newOxycodone] }],
    ["acute pain in a patient already taking an opioid", { pain: { durationWeeks: 2, intensity: 8 }, medications: [oxycodone(5)] }],
    ["acute pain in a patient taking buprenorphine for opioid use disorder", { pain: { durationWeeks: 2, intensity: 8 }, medications: [buprenorphineForOud], opioidSafety: { naloxoneOnHand: true } }],
  ])("is still due with %s", (_label, overrides) => {
    expect(codes(run(overrides))).toContain("urine-drug-test-due");
  });
});

describe("naloxone when the dose cannot be worked out", () => {
  const unknownPatch = { drug: "fentanyl" as const, form: "patch" as const };

  it("is offered, without claiming a raised risk that is not known", () => {
    const out = run({ medications: [unknownPatch] });
    const naloxone = out.next.find((s) => s.therapy === "naloxone");
    expect(naloxone?.detail).toMatch(/cannot be ruled out/);
    expect(codes(out)).not.toContain("naloxone-not-on-hand");
    expect(traceOf(out, "opioid.naloxone").outcome).toBe("fired");
  });

  it("is not offered again when naloxone is on hand", () => {
    expect(therapies(run({ medications: [unknownPatch], opioidSafety: { naloxoneOnHand: true } }))).not.toContain("naloxone");
  });
});
