import { describe, expect, it } from "vitest";
import { avoided, codes, PT_ADEQUATE_NO_RESPONSE, run, therapies, traceOf } from "../../../tests/support/assessment";

const afterPt = { treatments: [PT_ADEQUATE_NO_RESPONSE] };

describe("NSAID contraindications, once the ladder reaches medicines", () => {
  it.each([
    ["chronic kidney disease", { conditions: ["ckd" as const] }],
    ["eGFR 30", { labs: { egfr: 30 } }],
    ["eGFR 59 (no long-term use)", { labs: { egfr: 59 } }],
    ["GI bleed history", { conditions: ["gi-bleed-history" as const] }],
    ["peptic ulcer", { conditions: ["peptic-ulcer" as const] }],
    ["anticoagulant", { conditions: ["anticoagulant-use" as const] }],
    ["heart failure", { conditions: ["heart-failure" as const] }],
    ["cardiovascular disease", { conditions: ["cardiovascular-disease" as const] }],
    ["age 65", { patient: { ageYears: 65 } }],
  ])("%s: NSAID skipped for duloxetine, with the reason", (_label, overrides) => {
    const out = run({ ...afterPt, ...overrides });
    expect(codes(out)).toContain("nsaid-contraindicated");
    expect(therapies(out)[0]).toBe("duloxetine");
    expect(avoided(out)).toContain("nsaid");
    expect(out.alerts.find((a) => a.code === "nsaid-contraindicated")?.severity).toBe("warning");
  });

  it.each([
    ["eGFR 60", { labs: { egfr: 60 } }],
    ["age 64", { patient: { ageYears: 64 } }],
  ])("%s: no contraindication", (_label, overrides) => {
    const out = run({ ...afterPt, ...overrides });
    expect(codes(out)).not.toContain("nsaid-contraindicated");
    expect(therapies(out)[0]).toBe("nsaid");
  });

  it("eGFR 29 rules out duloxetine too, so the medicine rung is passed as unsafe", () => {
    const out = run({ ...afterPt, labs: { egfr: 29 } });
    expect(codes(out)).toEqual(expect.arrayContaining(["nsaid-contraindicated", "duloxetine-contraindicated"]));
    expect(therapies(out)).not.toContain("duloxetine");
  });

  it("is critical when an NSAID is taken despite an absolute contraindication", () => {
    const out = run({ conditions: ["gi-bleed-history"], medications: [{ drug: "naproxen", doseMg: 500, dosesPerDay: 2 }] });
    expect(out.alerts.find((a) => a.code === "nsaid-contraindicated")).toMatchObject({ severity: "critical", summary: expect.stringContaining("taken despite") });
  });

  it("stays quiet before the ladder reaches medicines and no NSAID is taken", () => {
    expect(traceOf(run({ conditions: ["ckd"] }), "medication.nsaid-contraindicated").outcome).toBe("not-fired");
  });
});

describe("long-term daily NSAID", () => {
  const naproxen = { drug: "naproxen" as const, doseMg: 500, dosesPerDay: 2 };
  it.each([
    [12, true],
    [11, false],
  ])("daily for %i weeks: alert %s", (weeks, fires) => {
    const out = run({ medications: [naproxen], treatments: [{ therapy: "nsaid", status: "current", weeks, response: "partial" }] });
    expect(codes(out).includes("nsaid-long-term")).toBe(fires);
  });

  it("not for an as-needed NSAID", () => {
    const out = run({ medications: [{ ...naproxen, prn: true }], treatments: [{ therapy: "nsaid", status: "current", weeks: 30 }] });
    expect(traceOf(out, "medication.nsaid-long-term").because).toMatch(/as needed/);
  });

  it("not when the duration is unknown", () => {
    expect(traceOf(run({ medications: [naproxen] }), "medication.nsaid-long-term").because).toMatch(/not recorded/);
  });
});

describe("duloxetine contraindications", () => {
  it("skips duloxetine with hepatic impairment once NSAIDs are also unsafe, moving to the next rung", () => {
    const out = run({ ...afterPt, conditions: ["hepatic-impairment", "ckd"] });
    expect(codes(out)).toEqual(expect.arrayContaining(["nsaid-contraindicated", "duloxetine-contraindicated"]));
    expect(out.ladder.step).not.toBe("pharmacologic");
    expect(traceOf(out, "ladder.interventional").because).toMatch(/unsafe/);
  });

  it("is critical when duloxetine is taken with severe renal impairment", () => {
    const out = run({ labs: { egfr: 25 }, medications: [{ drug: "duloxetine", doseMg: 60, dosesPerDay: 1 }] });
    expect(out.alerts.find((a) => a.code === "duloxetine-contraindicated")?.severity).toBe("critical");
  });
});
