import { describe, expect, it } from "vitest";
import { avoided, codes, NSAID_FAILED, PT_ADEQUATE_NO_RESPONSE, run, therapies, traceOf } from "../../../tests/support/assessment";
import type { DrugId } from "../vocabulary";
import { capitalized } from "../wording";

const afterPt = { treatments: [PT_ADEQUATE_NO_RESPONSE] };

describe("NSAIDs: absolute contraindications move the ladder past them", () => {
  it.each([
    ["eGFR 29", { labs: { egfr: 29 } }],
    ["chronic kidney disease with eGFR 25", { conditions: ["ckd" as const], labs: { egfr: 25 } }],
    ["GI bleed history", { conditions: ["gi-bleed-history" as const] }],
    ["peptic ulcer", { conditions: ["peptic-ulcer" as const] }],
    ["anticoagulant", { conditions: ["anticoagulant-use" as const] }],
    ["heart failure", { conditions: ["heart-failure" as const] }],
  ])("%s: NSAID skipped, with the reason", (_label, overrides) => {
    const out = run({ ...afterPt, ...overrides });
    expect(codes(out)).toContain("nsaid-contraindicated");
    expect(therapies(out)).not.toContain("nsaid");
    expect(avoided(out)).toContain("nsaid");
    expect(out.alerts.find((a) => a.code === "nsaid-contraindicated")?.severity).toBe("warning");
  });
});

describe("NSAIDs: cautions keep them on the ladder with what to do (ACP rec. 3; Beers 2023)", () => {
  it.each([
    ["age 65", { patient: { ageYears: 65 } }, /proton-pump inhibitor/],
    ["age 78", { patient: { ageYears: 78 } }, /proton-pump inhibitor/],
    ["cardiovascular disease", { conditions: ["cardiovascular-disease" as const] }, /blood pressure/],
    ["eGFR 30", { labs: { egfr: 30 } }, /check eGFR and potassium/],
    ["eGFR 59", { labs: { egfr: 59 } }, /check eGFR and potassium/],
    ["chronic kidney disease without an eGFR", { conditions: ["ckd" as const] }, /check eGFR first/],
  ])("%s: NSAID suggested with the caution and its advice", (_label, overrides, advice) => {
    const out = run({ ...afterPt, ...overrides });
    expect(therapies(out)[0]).toBe("nsaid");
    expect(out.ladder.step).toBe("pharmacologic");
    expect(codes(out)).not.toContain("nsaid-contraindicated");
    const caution = out.alerts.find((a) => a.code === "nsaid-caution");
    expect(caution?.severity).toBe("info");
    expect(caution?.detail).toMatch(advice);
    expect(out.next[0]?.detail).toMatch(advice);
    expect(avoided(out)).not.toContain("nsaid");
  });

  it.each([
    ["eGFR 60", { labs: { egfr: 60 } }],
    ["age 64", { patient: { ageYears: 64 } }],
  ])("%s: no caution", (_label, overrides) => {
    const out = run({ ...afterPt, ...overrides });
    expect(codes(out)).not.toContain("nsaid-caution");
    expect(therapies(out)[0]).toBe("nsaid");
  });

  it("advice two cautions share is said once in the suggestion, each piece in turn", () => {
    const out = run({ ...afterPt, patient: { ageYears: 72 }, conditions: ["cardiovascular-disease"] });
    const detail = out.next[0]?.detail ?? "";
    expect(detail).toMatch(/For this patient \(cardiovascular disease and age 72 \(65 or over\)\): the lowest dose for the shortest time; check blood pressure and review within 2-4 weeks; add a proton-pump inhibitor; check kidney function and blood pressure\.$/);
    expect(detail.match(/the lowest dose for the shortest time/g)).toHaveLength(1);
  });

  it("warns when an NSAID is taken by someone who needs care with it", () => {
    expect(run({ patient: { ageYears: 70 }, medications: [{ drug: "ibuprofen", doseMg: 400, dosesPerDay: 3 }] }).alerts.find((a) => a.code === "nsaid-caution")?.severity).toBe("warning");
  });

  it("an absolute contraindication outweighs a caution", () => {
    const out = run({ ...afterPt, patient: { ageYears: 70 }, labs: { egfr: 22 } });
    expect(codes(out)).toContain("nsaid-contraindicated");
    expect(codes(out)).not.toContain("nsaid-caution");
  });

  it("an NSAID ordered despite an absolute contraindication is critical, at the moment of ordering", () => {
    const out = run({ labs: { egfr: 22 }, conditions: ["gi-bleed-history"], orders: [{ action: "new", medication: { drug: "naproxen", doseMg: 500, dosesPerDay: 2 } }] });
    expect(out.alerts.find((a) => a.code === "nsaid-contraindicated")).toMatchObject({ severity: "critical", summary: expect.stringMatching(/^NSAID ordered despite eGFR 22/) });
  });

  it("is critical when an NSAID is taken despite an absolute contraindication", () => {
    const out = run({ conditions: ["gi-bleed-history"], medications: [{ drug: "naproxen", doseMg: 500, dosesPerDay: 2 }] });
    expect(out.alerts.find((a) => a.code === "nsaid-contraindicated")).toMatchObject({ severity: "critical", summary: expect.stringContaining("taken despite") });
  });

  it("stays quiet before the ladder reaches medicines and no NSAID is taken", () => {
    expect(traceOf(run({ conditions: ["gi-bleed-history"] }), "medication.nsaid-contraindicated").outcome).toBe("not-fired");
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

describe("duloxetine: absolute contraindications and cautions", () => {
  it("skips duloxetine with hepatic impairment once NSAIDs are also unsafe, moving to the next rung", () => {
    const out = run({ ...afterPt, conditions: ["hepatic-impairment", "gi-bleed-history"] });
    expect(codes(out)).toEqual(expect.arrayContaining(["nsaid-contraindicated", "duloxetine-contraindicated"]));
    expect(out.ladder.step).not.toBe("pharmacologic");
    expect(traceOf(out, "ladder.interventional").because).toMatch(/unsafe/);
  });

  it("is critical when duloxetine is taken with severe renal impairment", () => {
    const out = run({ labs: { egfr: 25 }, medications: [{ drug: "duloxetine", doseMg: 60, dosesPerDay: 1 }] });
    expect(out.alerts.find((a) => a.code === "duloxetine-contraindicated")?.severity).toBe("critical");
  });

  it.each([
    ["venlafaxine", { medications: [{ drug: "venlafaxine" as const, doseMg: 75, dosesPerDay: 1 }] }, /another SNRI/],
    ["pregnancy", { patient: { pregnant: true } }, /pregnancy/],
  ])("%s rules duloxetine out", (_label, overrides, reason) => {
    const out = run({ ...afterPt, conditions: ["gi-bleed-history"], ...overrides });
    expect(therapies(out)).not.toContain("duloxetine");
    expect(out.alerts.find((a) => a.code === "duloxetine-contraindicated")?.summary).toMatch(reason);
  });

  it.each([
    ["fall risk", { conditions: ["gi-bleed-history" as const, "fall-risk" as const] }, /review dizziness and falls/],
    ["sertraline taken", { conditions: ["gi-bleed-history" as const], medications: [{ drug: "sertraline" as const, doseMg: 50, dosesPerDay: 1 }] }, /switch from sertraline to duloxetine/],
    ["amitriptyline taken", { conditions: ["gi-bleed-history" as const], medications: [{ drug: "amitriptyline" as const, doseMg: 10, dosesPerDay: 1 }] }, /lower the amitriptyline dose/],
    ["age 70", { conditions: ["gi-bleed-history" as const], patient: { ageYears: 70 } }, /check sodium/],
    ["an anticoagulant taken", { conditions: ["anticoagulant-use" as const] }, /adds to the anticoagulant's bleeding risk/],
  ])("%s: duloxetine suggested with care", (_label, overrides, advice) => {
    const out = run({ ...afterPt, ...overrides });
    expect(therapies(out)[0]).toBe("duloxetine");
    expect(out.alerts.find((a) => a.code === "duloxetine-caution")?.detail).toMatch(advice);
    expect(out.next[0]?.detail).toMatch(advice);
  });
});

describe("duloxetine beside an NSAID still taken", () => {
  it("is suggested after a failed NSAID trial with the bleeding risk of the two together and what to do", () => {
    const out = run({
      treatments: [PT_ADEQUATE_NO_RESPONSE, { therapy: "nsaid", status: "current", weeks: 6, response: "none" }],
      medications: [{ drug: "naproxen", doseMg: 500, dosesPerDay: 2 }],
    });
    expect(therapies(out)[0]).toBe("duloxetine");
    const caution = out.alerts.find((a) => a.code === "duloxetine-caution");
    expect(caution?.summary).toMatch(/naproxen taken \(bleeding risk\)/);
    expect(caution?.detail).toMatch(/whether the NSAID is still needed, and if it continues, consider stomach protection/);
    expect(caution?.evidence.map((e) => e.sourceId)).toContain("duloxetine-label");
  });

  it("carries the same caution when the NSAID is recorded only as a current therapy, without a named drug", () => {
    const out = run({ treatments: [PT_ADEQUATE_NO_RESPONSE, { therapy: "nsaid", status: "current", weeks: 6, response: "none" }] });
    expect(therapies(out)[0]).toBe("duloxetine");
    expect(out.alerts.find((a) => a.code === "duloxetine-caution")?.summary).toMatch(/an NSAID taken \(bleeding risk\)/);
  });
});

describe("the drugs a caution names", () => {
  it("are named once each, joined as a sentence joins them", () => {
    const out = run({
      treatments: [PT_ADEQUATE_NO_RESPONSE, NSAID_FAILED],
      medications: [
        { drug: "escitalopram", doseMg: 10, dosesPerDay: 1 },
        { drug: "escitalopram", doseMg: 5, dosesPerDay: 1 },
        { drug: "meloxicam", doseMg: 7.5, dosesPerDay: 1 },
        { drug: "meloxicam", doseMg: 15, dosesPerDay: 1 },
      ],
    });
    const summary = out.alerts.find((a) => a.code === "duloxetine-caution")?.summary;
    expect(summary).toMatch(/escitalopram taken \(an SSRI\)/);
    expect(summary).toMatch(/meloxicam taken \(bleeding risk\)/);
    expect(summary).not.toMatch(/escitalopram(,| and) escitalopram|meloxicam(,| and) meloxicam/);
  });

  it("two reasons a drug is unsafe are joined with 'and'", () => {
    const out = run({ treatments: [PT_ADEQUATE_NO_RESPONSE], labs: { egfr: 25 }, conditions: ["hepatic-impairment"] });
    expect(out.alerts.find((a) => a.code === "duloxetine-contraindicated")?.summary).toBe("Duloxetine skipped because of hepatic impairment and eGFR 25 (below 30)");
  });

  it("each caution's advice is a sentence of its own", () => {
    const out = run({ conditions: ["fall-risk"], medications: [{ drug: "duloxetine", doseMg: 60, dosesPerDay: 1 }] });
    expect(out.alerts.find((a) => a.code === "duloxetine-caution")?.detail).toBe("Duloxetine can be used here with care. With fall risk, start at 30 mg, review dizziness and falls at 2 weeks.");
  });

  it("an older adult's two sleeping pills read as a pair", () => {
    const out = run({ patient: { ageYears: 72 }, medications: [{ drug: "zolpidem", doseMg: 5, dosesPerDay: 1 }, { drug: "zaleplon", doseMg: 5, dosesPerDay: 1 }] });
    expect(out.alerts.find((a) => a.code === "sleeping-pill-older-adult")?.summary).toBe("Zolpidem and zaleplon taken at 72: Beers advises avoiding Z-drug sleeping pills from 65");
  });
});

describe("duloxetine beside an NSAID that is itself unsafe", () => {
  it("does not read as leave to continue the NSAID: it points to the NSAID's own alert", () => {
    const out = run({ treatments: [PT_ADEQUATE_NO_RESPONSE], conditions: ["anticoagulant-use"], medications: [{ drug: "naproxen", doseMg: 500, dosesPerDay: 2 }] });
    expect(out.alerts.find((a) => a.code === "nsaid-contraindicated")?.severity).toBe("critical");
    const caution = out.alerts.find((a) => a.code === "duloxetine-caution");
    expect(caution?.detail).toMatch(/the NSAID is already unsafe for this patient: settle the NSAID with the patient first \(see its alert\)/);
    expect(caution?.detail).not.toMatch(/if it continues/);
  });
});

describe("duloxetine cautions name a medicine ordered at this visit as ordered, not taken", () => {
  it.each([
    ["naproxen", { drug: "naproxen" as const, doseMg: 500, dosesPerDay: 2 }, "naproxen ordered (bleeding risk)"],
    ["amitriptyline", { drug: "amitriptyline" as const, doseMg: 10, dosesPerDay: 1 }, "amitriptyline ordered"],
    ["sertraline", { drug: "sertraline" as const, doseMg: 50, dosesPerDay: 1 }, "sertraline ordered (an SSRI)"],
  ])("%s ordered", (_label, medication, reason) => {
    const out = run({ treatments: [PT_ADEQUATE_NO_RESPONSE, { therapy: "nsaid", status: "stopped", weeks: 6, response: "none" }], orders: [{ action: "new", medication }] });
    expect(out.alerts.find((a) => a.code === "duloxetine-caution")?.summary).toBe(`Duloxetine with care: ${reason}`);
  });

  it("the same medicine already taken is 'taken'", () => {
    const out = run({ treatments: [PT_ADEQUATE_NO_RESPONSE, { therapy: "nsaid", status: "stopped", weeks: 6, response: "none" }], medications: [{ drug: "naproxen", doseMg: 500, dosesPerDay: 2 }] });
    expect(out.alerts.find((a) => a.code === "duloxetine-caution")?.summary).toBe("Duloxetine with care: naproxen taken (bleeding risk)");
  });
});

describe("duloxetine with a serotonergic opioid", () => {
  const nsaidFailed = { therapy: "nsaid" as const, status: "stopped" as const, weeks: 4, response: "none" as const };
  it.each([
    ["tramadol", { drug: "tramadol" as const, doseMg: 50, dosesPerDay: 3 }, "Duloxetine skipped because of tramadol (serotonin syndrome and seizure risk)"],
    ["tapentadol", { drug: "tapentadol" as const, doseMg: 50, dosesPerDay: 2 }, "Duloxetine skipped because of tapentadol (serotonin syndrome risk)"],
  ])("%s rules duloxetine out, saying so in words", (_label, medication, summary) => {
    const out = run({ treatments: [PT_ADEQUATE_NO_RESPONSE, nsaidFailed], medications: [medication] });
    expect(therapies(out)).not.toContain("duloxetine");
    const alert = out.alerts.find((a) => a.code === "duloxetine-contraindicated");
    expect(alert?.summary).toBe(summary);
  });

  it.each([
    ["tramadol", { drug: "tramadol" as const, doseMg: 50, dosesPerDay: 3 }, /tramadol \(serotonin syndrome and seizure risk\)/],
    ["venlafaxine", { drug: "venlafaxine" as const, doseMg: 75, dosesPerDay: 1 }, /venlafaxine \(another SNRI\)/],
  ])("%s ordered for a patient already taking duloxetine: the order is what to reconsider, not the duloxetine", (drug, medication, reason) => {
    const out = run({ medications: [{ drug: "duloxetine", doseMg: 60, dosesPerDay: 1 }], orders: [{ action: "new", medication }] });
    const alert = out.alerts.find((a) => a.code === "duloxetine-contraindicated");
    expect(alert).toMatchObject({ severity: "critical", summary: `${drug[0]?.toUpperCase()}${drug.slice(1)} ordered for a patient taking duloxetine` });
    expect(alert?.detail).toMatch(reason);
    expect(alert?.detail).toMatch(new RegExp(`Keep the duloxetine as it is and weigh another option in place of the ${drug} order`));
    expect(traceOf(out, "medication.duloxetine-contraindicated").because).toMatch(new RegExp(`${drug} ordered at this visit`));
  });

  it("duloxetine taken with tramadol already taken, or both new: the duloxetine review stays", () => {
    const tramadol = { drug: "tramadol" as const, doseMg: 50, dosesPerDay: 3 };
    const duloxetine = { drug: "duloxetine" as const, doseMg: 60, dosesPerDay: 1 };
    const taken = run({ medications: [duloxetine, tramadol] }).alerts.find((a) => a.code === "duloxetine-contraindicated");
    expect(taken?.summary).toBe("Duloxetine taken despite tramadol (serotonin syndrome and seizure risk)");
    expect(taken?.detail).toMatch(/^Review duloxetine with the patient/);
    const anotherReason = run({ conditions: ["hepatic-impairment"], medications: [duloxetine], orders: [{ action: "new", medication: tramadol }] }).alerts.find((a) => a.code === "duloxetine-contraindicated");
    expect(anotherReason?.summary).toMatch(/^Duloxetine taken despite hepatic impairment/);
  });

  it("methadone for opioid use disorder keeps duloxetine on the ladder, with the serotonergic caution and what to do", () => {
    const out = run({
      treatments: [PT_ADEQUATE_NO_RESPONSE, nsaidFailed],
      conditions: ["opioid-use-disorder"],
      medications: [{ drug: "methadone", doseMg: 80, dosesPerDay: 1, indication: "opioid-use-disorder" }],
    });
    expect(therapies(out)[0]).toBe("duloxetine");
    expect(codes(out)).not.toContain("duloxetine-contraindicated");
    const caution = out.alerts.find((a) => a.code === "duloxetine-caution");
    expect(caution?.summary).toMatch(/methadone taken \(serotonergic\)/);
    expect(caution?.detail).toMatch(/signs of serotonin syndrome.*let the methadone prescriber know/);
    expect(caution?.evidence.map((e) => e.sourceId)).toContain("fda-2016-opioid-serotonin");
    expect(codes(out)).toContain("moud-continue");
  });
});

describe("gabapentinoids taken by someone who needs care with them", () => {
  const gabapentin = { drug: "gabapentin" as const, doseMg: 600, dosesPerDay: 3 };
  it.each([
    ["eGFR 45", { labs: { egfr: 45 } }, /reduce the dose for kidney function/],
    ["chronic kidney disease without an eGFR", { conditions: ["ckd" as const] }, /check eGFR/],
    ["age 70", { patient: { ageYears: 70 } }, /dizziness and falls/],
    ["sleep apnea", { conditions: ["sleep-apnea" as const] }, /slowed breathing/],
  ])("%s", (_label, overrides, advice) => {
    const alert = run({ medications: [gabapentin], ...overrides }).alerts.find((a) => a.code === "gabapentinoid-caution");
    expect(alert?.severity).toBe("warning");
    expect(alert?.detail).toMatch(advice);
  });

  it("not for a younger adult with normal kidney function, nor without a gabapentinoid", () => {
    expect(codes(run({ medications: [gabapentin], labs: { egfr: 90 } }))).not.toContain("gabapentinoid-caution");
    expect(codes(run({ labs: { egfr: 40 } }))).not.toContain("gabapentinoid-caution");
  });
});

describe("Z-drug sleeping pills at 65 or over (Beers 2023)", () => {
  const alertOf = (out: ReturnType<typeof run>) => out.alerts.find((a) => a.code === "sleeping-pill-older-adult");

  it.each([
    ["zolpidem at 65", 65, { medications: [{ drug: "zolpidem" as const, doseMg: 5, dosesPerDay: 1 }] }, /Zolpidem taken at 65/, /reduce it gradually/],
    ["eszopiclone at 80", 80, { medications: [{ drug: "eszopiclone" as const, doseMg: 1, dosesPerDay: 1 }] }, /Eszopiclone taken at 80/, /reduce it gradually/],
    ["zaleplon ordered at 70", 70, { orders: [{ action: "new" as const, medication: { drug: "zaleplon" as const, doseMg: 5, dosesPerDay: 1 } }] }, /Zaleplon ordered at 70/, /Consider not starting it/],
  ])("%s: a warning that says why and what to do", (_label, ageYears, overrides, summary, detail) => {
    const out = run({ patient: { ageYears }, ...overrides });
    const alert = alertOf(out);
    expect(alert?.severity).toBe("warning");
    expect(alert?.summary).toMatch(summary);
    expect(alert?.detail).toMatch(detail);
    expect(alert?.detail).not.toMatch(/stop it|stop taking/i);
    expect(alert?.evidence.map((e) => e.sourceId)).toEqual(["beers-2023"]);
    expect(traceOf(out, "medication.older-adult-sleeping-pill").outcome).toBe("fired");
  });

  it.each([
    ["zolpidem at 64", { patient: { ageYears: 64 }, medications: [{ drug: "zolpidem" as const, doseMg: 5, dosesPerDay: 1 }] }, /under 65/],
    ["a benzodiazepine at 75 (the avoid list covers it)", { patient: { ageYears: 75 }, medications: [{ drug: "temazepam" as const, doseMg: 15, dosesPerDay: 1 }] }, /no sleeping pill/],
    ["no sleeping pill at 80", { patient: { ageYears: 80 } }, /no sleeping pill/],
  ])("%s: no alert", (_label, overrides, because) => {
    const out = run(overrides);
    expect(alertOf(out)).toBeUndefined();
    expect(traceOf(out, "medication.older-adult-sleeping-pill").because).toMatch(because);
  });

  it("with an opioid, the falls warning stands beside the breathing one", () => {
    const out = run({ patient: { ageYears: 72 }, medications: [{ drug: "oxycodone", doseMg: 5, dosesPerDay: 2 }, { drug: "zolpidem", doseMg: 5, dosesPerDay: 1 }] });
    expect(codes(out)).toEqual(expect.arrayContaining(["sleeping-pill-older-adult", "opioid-cns-depressant"]));
  });
});

describe("a medicine that brings withdrawal ended at once by a stop order", () => {
  const diazepam = { drug: "diazepam" as const, doseMg: 5, dosesPerDay: 2 };
  const duloxetine = { drug: "duloxetine" as const, doseMg: 60, dosesPerDay: 1 };
  const stop = (drug: DrugId) => ({ action: "stop" as const, medication: { drug } });
  const alertOf = (out: ReturnType<typeof run>) => out.alerts.find((a) => a.code === "stop-gradually");

  it("a benzodiazepine: a warning about withdrawal seizures, citing FDA's 2020 boxed warning", () => {
    const alert = alertOf(run({ medications: [diazepam], orders: [stop("diazepam")] }));
    expect(alert).toMatchObject({ severity: "warning", summary: "Diazepam ended at once by an order: reduce it gradually instead" });
    expect(alert?.detail).toMatch(/seizures included: reduce it gradually over weeks to months/);
    expect(alert?.detail).not.toMatch(/one medicine at a time/);
    expect(alert?.evidence.map((e) => e.sourceId)).toEqual(["fda-2020-benzodiazepine-boxed-warning"]);
  });

  it("duloxetine: withdrawal symptoms, citing its label", () => {
    const alert = alertOf(run({ medications: [duloxetine], orders: [stop("duloxetine")] }));
    expect(alert?.summary).toBe("Duloxetine ended at once by an order: reduce it gradually instead");
    expect(alert?.evidence.map((e) => e.sourceId)).toEqual(["duloxetine-label"]);
  });

  it.each([
    ["gabapentin", { drug: "gabapentin" as const, doseMg: 600, dosesPerDay: 3 }, "gabapentin-label"],
    ["pregabalin", { drug: "pregabalin" as const, doseMg: 150, dosesPerDay: 2 }, "pregabalin-label"],
  ])("%s: reduced over at least a week, citing its label", (drug, medication, source) => {
    const alert = alertOf(run({ medications: [medication], orders: [stop(drug as "gabapentin" | "pregabalin")] }));
    expect(alert?.summary).toBe(`${drug[0]?.toUpperCase()}${drug.slice(1)} ended at once by an order: reduce it gradually instead`);
    expect(alert?.detail).toMatch(/reduce it over at least a week/);
    expect(alert?.evidence.map((e) => e.sourceId)).toEqual([source]);
  });

  it.each([
    ["sertraline", "an SSRI"],
    ["venlafaxine", "an SNRI other than duloxetine"],
    ["amitriptyline", "a tricyclic"],
  ] as const)("%s (%s): reduced in steps over weeks, citing NICE NG215", (drug, _kind) => {
    const alert = alertOf(run({ medications: [{ drug, doseMg: 50, dosesPerDay: 1 }], orders: [stop(drug)] }));
    expect(alert?.summary).toBe(`${capitalized(drug)} ended at once by an order: reduce it gradually instead`);
    expect(alert?.detail).toMatch(/^Ending an antidepressant at once after regular use can bring withdrawal symptoms .*: reduce the dose in steps over weeks/);
    expect(alert?.evidence.map((e) => e.sourceId)).toEqual(["nice-ng215"]);
  });

  it.each(["zolpidem", "eszopiclone", "zaleplon"] as const)("%s, a Z-drug sleeping pill: reduced gradually, citing NICE NG215", (drug) => {
    const alert = alertOf(run({ medications: [{ drug, doseMg: 5, dosesPerDay: 1 }], orders: [stop(drug)] }));
    expect(alert?.detail).toMatch(/rebound insomnia and withdrawal symptoms/);
    expect(alert?.evidence.map((e) => e.sourceId)).toEqual(["nice-ng215"]);
  });

  it("two antidepressants: their shared reason once, and one reduced at a time", () => {
    const alert = alertOf(run({ medications: [{ drug: "sertraline", doseMg: 50, dosesPerDay: 1 }, { drug: "amitriptyline", doseMg: 10, dosesPerDay: 1 }], orders: [stop("sertraline"), stop("amitriptyline")] }));
    expect(alert?.detail.match(/Ending an antidepressant/g)).toHaveLength(1);
    expect(alert?.detail).toMatch(/reducing one medicine at a time/);
    expect(alert?.evidence).toHaveLength(1);
  });

  it("a tricyclic recorded as taken for under a week can simply end; an SSRI has no course record, so its length is unknown and the reduction is advised", () => {
    const amitriptyline = { drug: "amitriptyline" as const, doseMg: 10, dosesPerDay: 1 };
    expect(alertOf(run({ treatments: [{ therapy: "tricyclic", status: "current", weeks: 0.5 }], medications: [amitriptyline], orders: [stop("amitriptyline")] }))).toBeUndefined();
    expect(alertOf(run({ treatments: [{ therapy: "tricyclic", status: "current", weeks: 0.5 }], medications: [{ drug: "sertraline", doseMg: 50, dosesPerDay: 1 }], orders: [stop("sertraline")] }))).toBeDefined();
  });

  it("a dose cut by more than half in one step: the same warning, naming both doses", () => {
    const alert = alertOf(run({ medications: [{ drug: "alprazolam", doseMg: 1, dosesPerDay: 2 }], orders: [{ action: "change", medication: { drug: "alprazolam", doseMg: 0.25, dosesPerDay: 2 } }] }));
    expect(alert?.summary).toBe("Alprazolam cut from 2 to 0.5 mg a day at once by an order: reduce it gradually instead");
    expect(alert?.detail).toMatch(/Cutting the dose by more than half in one step brings the same risk\./);
    expect(alert?.evidence.map((e) => e.sourceId)).toEqual(["fda-2020-benzodiazepine-boxed-warning"]);
  });

  it("a stop and a sharp cut at one visit: one alert naming both", () => {
    const out = run({ medications: [diazepam, { drug: "pregabalin", doseMg: 150, dosesPerDay: 2 }], orders: [stop("diazepam"), { action: "change", medication: { drug: "pregabalin", doseMg: 50, dosesPerDay: 2 } }] });
    expect(out.alerts.filter((a) => a.code === "stop-gradually")).toHaveLength(1);
    expect(alertOf(out)?.summary).toBe("Diazepam ended at once; pregabalin cut from 300 to 100 mg a day at once by orders: reduce them gradually instead");
  });

  it("a gabapentinoid recorded as taken for under a week can simply end", () => {
    const out = run({ treatments: [{ therapy: "gabapentinoid", status: "current", weeks: 0.5 }], medications: [{ drug: "pregabalin", doseMg: 75, dosesPerDay: 2 }], orders: [stop("pregabalin")] });
    expect(alertOf(out)).toBeUndefined();
  });

  it("both at once: one alert, one medicine reduced at a time", () => {
    const out = run({ medications: [diazepam, duloxetine], orders: [stop("diazepam"), stop("duloxetine")] });
    expect(out.alerts.filter((a) => a.code === "stop-gradually")).toHaveLength(1);
    expect(alertOf(out)?.summary).toBe("Diazepam and duloxetine ended at once by orders: reduce them gradually instead");
    expect(alertOf(out)?.detail).toMatch(/reducing one medicine at a time/);
  });

  it.each([
    ["taken for under a week", { treatments: [{ therapy: "benzodiazepine" as const, status: "current" as const, weeks: 0.5 }], medications: [diazepam], orders: [stop("diazepam")] }, /taken for under a week/],
    ["a dose lowered by half or less", { medications: [diazepam], orders: [{ action: "change" as const, medication: { drug: "diazepam" as const, doseMg: 2.5, dosesPerDay: 2 } }] }, /no medicine that needs a gradual reduction .* is stopped, or cut by more than half/],
    ["an NSAID stopped", { medications: [{ drug: "naproxen" as const, doseMg: 500, dosesPerDay: 2 }], orders: [stop("naproxen")] }, /no medicine that needs a gradual reduction .* is stopped/],
  ])("%s: no alert", (_label, overrides, because) => {
    const out = run(overrides);
    expect(alertOf(out)).toBeUndefined();
    expect(traceOf(out, "medication.stop-gradually")).toMatchObject({ outcome: "not-fired", because: expect.stringMatching(because) });
  });
});
