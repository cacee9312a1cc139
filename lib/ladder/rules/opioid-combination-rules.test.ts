import { describe, expect, it } from "vitest";
import { codes, DULOXETINE_FAILED, NSAID_FAILED, PT_ADEQUATE_NO_RESPONSE, run, therapies, traceOf, type Overrides } from "../../../tests/support/assessment";
import { BENZODIAZEPINE_DRUGS } from "../vocabulary";

const oxycodone = (doseMg: number, dosesPerDay = 4) => ({ drug: "oxycodone" as const, doseMg, dosesPerDay });
const alertOf = (out: ReturnType<typeof run>, code: string) => out.alerts.find((a) => a.code === code);
const buprenorphineForOud = { drug: "buprenorphine" as const, doseMg: 8, dosesPerDay: 2, indication: "opioid-use-disorder" as const };

describe("opioid with a benzodiazepine", () => {
  it("is critical and brings naloxone and a gradual plan, one drug at a time, chosen with the patient", () => {
    const out = run({ medications: [oxycodone(5), { drug: "alprazolam", doseMg: 0.5, dosesPerDay: 2 }] });
    const alert = alertOf(out, "opioid-benzodiazepine");
    expect(alert?.severity).toBe("critical");
    expect(alert?.detail).toMatch(/one drug at a time/);
    expect(alert?.detail).toMatch(/with the patient/);
    expect(alert?.detail).not.toMatch(/benzodiazepine first/);
    expect(therapies(out)).toEqual(expect.arrayContaining(["naloxone", "opioid-taper-plan"]));
    expect(out.next.find((s) => s.therapy === "opioid-taper-plan")?.detail).toMatch(/which to reduce first, one at a time/);
  });

  it.each(BENZODIAZEPINE_DRUGS)("knows %s as a benzodiazepine", (drug) => {
    expect(codes(run({ medications: [oxycodone(5), { drug, doseMg: 1, dosesPerDay: 1 }] }))).toContain("opioid-benzodiazepine");
  });

  it("counts a benzodiazepine recorded as a current treatment", () => {
    expect(codes(run({ medications: [oxycodone(5)], treatments: [{ therapy: "benzodiazepine", status: "current" }] }))).toContain("opioid-benzodiazepine");
  });

  it("does not fire for a benzodiazepine alone", () => {
    expect(traceOf(run({ medications: [{ drug: "diazepam", doseMg: 5, dosesPerDay: 2 }] }), "opioid.benzodiazepine").outcome).toBe("not-fired");
  });

  it("with buprenorphine for opioid use disorder, warns without ever advising to withhold it (FDA 2017)", () => {
    const alert = alertOf(run({ medications: [buprenorphineForOud, { drug: "clonazepam", doseMg: 1, dosesPerDay: 2 }], conditions: ["opioid-use-disorder"] }), "opioid-benzodiazepine");
    expect(alert?.severity).toBe("critical");
    expect(alert?.detail).toMatch(/Do not withhold or reduce the medication for opioid use disorder/);
    expect(alert?.evidence.map((e) => e.sourceId)).toContain("fda-2017-moud-benzodiazepine");
  });
});

describe("opioid with other sedating drugs (CDC 2022 rec. 11; FDA 2019)", () => {
  it.each([
    ["gabapentin", { drug: "gabapentin" as const, doseMg: 300, dosesPerDay: 3 }, "warning"],
    ["pregabalin", { drug: "pregabalin" as const, doseMg: 75, dosesPerDay: 2 }, "warning"],
    ["cyclobenzaprine", { drug: "cyclobenzaprine" as const, doseMg: 10, dosesPerDay: 3 }, "warning"],
    ["tizanidine", { drug: "tizanidine" as const, doseMg: 4, dosesPerDay: 3 }, "warning"],
    ["methocarbamol", { drug: "methocarbamol" as const, doseMg: 750, dosesPerDay: 3 }, "warning"],
    ["zolpidem", { drug: "zolpidem" as const, doseMg: 5, dosesPerDay: 1 }, "warning"],
    ["eszopiclone", { drug: "eszopiclone" as const, doseMg: 1, dosesPerDay: 1 }, "warning"],
    ["zaleplon", { drug: "zaleplon" as const, doseMg: 5, dosesPerDay: 1 }, "warning"],
  ])("oxycodone 20 MME with %s: %s", (_label, drug, severity) => {
    const out = run({ medications: [oxycodone(5, 3), drug], opioidSafety: { naloxoneOnHand: true } });
    expect(alertOf(out, "opioid-cns-depressant")?.severity).toBe(severity);
  });

  it.each([
    ["at 50 MME or more", { medications: [oxycodone(10), { drug: "gabapentin" as const, doseMg: 300, dosesPerDay: 3 }] }],
    ["with sleep apnea", { medications: [oxycodone(5), { drug: "gabapentin" as const, doseMg: 300, dosesPerDay: 3 }], conditions: ["sleep-apnea" as const] }],
    ["at 65 or over", { patient: { ageYears: 70 }, medications: [oxycodone(5), { drug: "pregabalin" as const, doseMg: 75, dosesPerDay: 2 }] }],
    ["with two sedating drugs", { medications: [oxycodone(5), { drug: "gabapentin" as const, doseMg: 300, dosesPerDay: 3 }, { drug: "zolpidem" as const, doseMg: 5, dosesPerDay: 1 }] }],
    ["with a benzodiazepine as well", { medications: [oxycodone(5), { drug: "tizanidine" as const, doseMg: 4, dosesPerDay: 3 }, { drug: "temazepam" as const, doseMg: 15, dosesPerDay: 1 }] }],
  ])("is critical %s", (_label, overrides) => {
    expect(alertOf(run(overrides), "opioid-cns-depressant")?.severity).toBe("critical");
  });

  it("reads a gabapentinoid or muscle relaxant recorded as a current treatment", () => {
    expect(codes(run({ medications: [oxycodone(5)], treatments: [{ therapy: "gabapentinoid", status: "current" }] }))).toContain("opioid-cns-depressant");
    expect(codes(run({ medications: [oxycodone(5)], treatments: [{ therapy: "muscle-relaxant", status: "current" }] }))).toContain("opioid-cns-depressant");
  });

  it("cites the FDA gabapentinoid warning for a gabapentinoid", () => {
    const alert = alertOf(run({ medications: [oxycodone(5), { drug: "gabapentin", doseMg: 300, dosesPerDay: 3 }] }), "opioid-cns-depressant");
    expect(alert?.evidence.map((e) => e.sourceId)).toEqual(expect.arrayContaining(["cdc-2022", "fda-2019-gabapentinoids"]));
  });

  it("does not fire without an opioid, or for an NSAID beside the opioid", () => {
    expect(codes(run({ medications: [{ drug: "gabapentin", doseMg: 300, dosesPerDay: 3 }] }))).not.toContain("opioid-cns-depressant");
    expect(codes(run({ medications: [oxycodone(5), { drug: "naproxen", doseMg: 500, dosesPerDay: 2 }] }))).not.toContain("opioid-cns-depressant");
  });

  it("counts a sedating drug ordered at this visit", () => {
    expect(codes(run({ medications: [oxycodone(5)], orders: [{ action: "new", medication: { drug: "cyclobenzaprine", doseMg: 10, dosesPerDay: 3 } }] }))).toContain("opioid-cns-depressant");
  });
});

describe("an opioid and a benzodiazepine, one of them ordered at this visit", () => {
  it("a benzodiazepine ordered for someone taking an opioid: the summary names the order, and the detail says to weigh it first", () => {
    const out = run({ medications: [oxycodone(5)], orders: [{ action: "new", medication: { drug: "alprazolam", doseMg: 0.5, dosesPerDay: 2 } }] });
    const alert = alertOf(out, "opioid-benzodiazepine");
    expect(alert).toMatchObject({ severity: "critical", summary: "Oxycodone with alprazolam: high risk of fatal respiratory depression (alprazolam ordered at this visit)" });
    expect(alert?.detail).toMatch(/^Together they multiply the risk of overdose death\. Weigh another option in place of the alprazolam order before it is started\./);
  });

  it("both already taken: no order is named", () => {
    const alert = alertOf(run({ medications: [oxycodone(5), { drug: "alprazolam", doseMg: 0.5, dosesPerDay: 2 }] }), "opioid-benzodiazepine");
    expect(alert?.summary).toBe("Oxycodone with alprazolam: high risk of fatal respiratory depression");
    expect(alert?.detail).not.toMatch(/order/);
  });
});

describe("an opioid with another sedating drug ordered at this visit", () => {
  it("gabapentin ordered for someone taking oxycodone: the order is named and to be weighed first", () => {
    const alert = alertOf(run({ medications: [oxycodone(5)], orders: [{ action: "new", medication: { drug: "gabapentin", doseMg: 300, dosesPerDay: 3 } }] }), "opioid-cns-depressant");
    expect(alert?.summary).toBe("Oxycodone with gabapentin: added sedation and slowed breathing (gabapentin ordered at this visit)");
    expect(alert?.detail).toMatch(/Weigh another option in place of the gabapentin order before it is started\./);
  });
});

describe("serotonergic opioid with an antidepressant", () => {
  it.each([
    ["tramadol with duloxetine", [{ drug: "tramadol" as const, doseMg: 50, dosesPerDay: 4 }, { drug: "duloxetine" as const, doseMg: 60, dosesPerDay: 1 }], true],
    ["tramadol with sertraline", [{ drug: "tramadol" as const, doseMg: 50, dosesPerDay: 4 }, { drug: "sertraline" as const, doseMg: 50, dosesPerDay: 1 }], true],
    ["tramadol with amitriptyline", [{ drug: "tramadol" as const, doseMg: 50, dosesPerDay: 2 }, { drug: "amitriptyline" as const, doseMg: 10, dosesPerDay: 1 }], true],
    ["tapentadol with venlafaxine", [{ drug: "tapentadol" as const, doseMg: 50, dosesPerDay: 2 }, { drug: "venlafaxine" as const, doseMg: 75, dosesPerDay: 1 }], true],
    ["methadone with escitalopram", [{ drug: "methadone" as const, doseMg: 10, dosesPerDay: 2 }, { drug: "escitalopram" as const, doseMg: 10, dosesPerDay: 1 }], true],
    ["oxycodone with sertraline", [oxycodone(5), { drug: "sertraline" as const, doseMg: 50, dosesPerDay: 1 }], false],
    ["tramadol alone", [{ drug: "tramadol" as const, doseMg: 50, dosesPerDay: 4 }], false],
  ])("%s: %s", (_label, medications, flagged) => {
    const out = run({ medications });
    expect(codes(out).includes("serotonergic-combination")).toBe(flagged);
    if (flagged) expect(alertOf(out, "serotonergic-combination")?.severity).toBe("warning");
  });

  it("names two opioids and two sedating drugs as a sentence does", () => {
    const out = run({ medications: [oxycodone(5), { drug: "codeine", doseMg: 30, dosesPerDay: 2 }, { drug: "gabapentin", doseMg: 300, dosesPerDay: 3 }, { drug: "cyclobenzaprine", doseMg: 5, dosesPerDay: 3 }] });
    expect(alertOf(out, "opioid-cns-depressant")?.summary).toBe("Oxycodone and codeine with gabapentin and cyclobenzaprine: added sedation and slowed breathing");
    expect(alertOf(out, "naloxone-not-on-hand")?.detail).toMatch(/^Overdose risk is raised by [^,]+(, [^,]+)* and [^,]+\. /);
  });

  it("names the seizure risk with tramadol and the CYP2D6 interaction with fluoxetine or paroxetine", () => {
    const detail = alertOf(run({ medications: [{ drug: "tramadol", doseMg: 50, dosesPerDay: 4 }, { drug: "paroxetine", doseMg: 20, dosesPerDay: 1 }] }), "serotonergic-combination")?.detail;
    expect(detail).toMatch(/seizure threshold/);
    expect(detail).toMatch(/\. Paroxetine also blocks tramadol/);
  });

  it("tramadol ordered for someone taking fluoxetine: the order is named, and what to weigh is the order", () => {
    const alert = alertOf(run({ medications: [{ drug: "fluoxetine", doseMg: 20, dosesPerDay: 1 }], orders: [{ action: "new", medication: { drug: "tramadol", doseMg: 50, dosesPerDay: 3 } }] }), "serotonergic-combination");
    expect(alert?.summary).toBe("Tramadol with fluoxetine: serotonin syndrome and seizure risk (tramadol ordered at this visit)");
    expect(alert?.detail).toMatch(/Weigh an option without this interaction in place of the tramadol order before it is started/);
    expect(alert?.detail).not.toMatch(/changed gradually/);
  });

  it("reads tramadol and duloxetine recorded as current treatments", () => {
    expect(codes(run({ treatments: [{ therapy: "tramadol", status: "current" }, { therapy: "duloxetine", status: "current" }] }))).toContain("serotonergic-combination");
  });

  it("never suggests duloxetine to a patient on tramadol, and says why", () => {
    const out = run({ medications: [{ drug: "tramadol", doseMg: 50, dosesPerDay: 3 }], treatments: [PT_ADEQUATE_NO_RESPONSE, NSAID_FAILED] });
    expect(therapies(out)).not.toContain("duloxetine");
    expect(alertOf(out, "duloxetine-contraindicated")?.summary).toMatch(/tramadol/);
    const neuropathic = run({ pain: { neuropathicQuality: true }, medications: [{ drug: "tramadol", doseMg: 50, dosesPerDay: 3 }], treatments: [PT_ADEQUATE_NO_RESPONSE] });
    expect(therapies(neuropathic)).not.toContain("duloxetine");
  });

  it("still suggests duloxetine after NSAIDs when no serotonergic opioid is taken", () => {
    expect(therapies(run({ treatments: [PT_ADEQUATE_NO_RESPONSE, NSAID_FAILED] }))[0]).toBe("duloxetine");
    expect(therapies(run({ treatments: [PT_ADEQUATE_NO_RESPONSE, NSAID_FAILED, DULOXETINE_FAILED] }))).not.toContain("duloxetine");
  });
});

describe("new extended-release or long-acting opioid for an opioid-naive patient (CDC 2022 rec. 3)", () => {
  it.each([
    ["oxycodone ER", { drug: "oxycodone" as const, form: "er" as const, doseMg: 10, dosesPerDay: 2 }],
    ["a fentanyl patch", { drug: "fentanyl" as const, form: "patch" as const, mcgPerHour: 12 }],
    ["methadone", { drug: "methadone" as const, doseMg: 2.5, dosesPerDay: 2 }],
    ["morphine ER", { drug: "morphine" as const, form: "er" as const, doseMg: 15, dosesPerDay: 2 }],
    ["fentanyl whatever its form", { drug: "fentanyl" as const, mcgPerHour: 12 }],
  ])("%s ordered new for a patient taking no opioid is critical", (_label, medication) => {
    const out = run({ orders: [{ action: "new", medication }] });
    expect(alertOf(out, "er-opioid-opioid-naive")?.severity).toBe("critical");
    expect(therapies(out)).not.toContain("opioid");
  });

  it.each([
    ["an immediate-release opioid", { medications: [], orders: [{ action: "new" as const, medication: { drug: "oxycodone" as const, form: "ir" as const, doseMg: 5, dosesPerDay: 3 } }] }],
    ["a patient already on an opioid", { medications: [oxycodone(5)], orders: [{ action: "new" as const, medication: { drug: "oxycodone" as const, form: "er" as const, doseMg: 10, dosesPerDay: 2 } }] }],
    ["a patient with opioid therapy recorded as current", { treatments: [{ therapy: "opioid" as const, status: "current" as const }], orders: [{ action: "new" as const, medication: { drug: "morphine" as const, form: "er" as const, doseMg: 15, dosesPerDay: 2 } }] }],
    ["a patient already taking buprenorphine for opioid use disorder", { medications: [buprenorphineForOud], orders: [{ action: "new" as const, medication: { drug: "morphine" as const, form: "er" as const, doseMg: 15, dosesPerDay: 2 } }] }],
    ["methadone started for opioid use disorder", { orders: [{ action: "new" as const, medication: { drug: "methadone" as const, doseMg: 30, dosesPerDay: 1, indication: "opioid-use-disorder" as const } }] }],
    ["an ER opioid already listed (not an order)", { medications: [{ drug: "oxycodone" as const, form: "er" as const, doseMg: 10, dosesPerDay: 2 }] }],
  ])("does not fire for %s", (_label, overrides) => {
    expect(codes(run(overrides))).not.toContain("er-opioid-opioid-naive");
  });
});

describe("a first opioid ordered for acute pain (CDC 2022 recs. 4 and 6; NICE NG59)", () => {
  const acute = { pain: { durationWeeks: 2, intensity: 8 } };
  const newOxycodone = { action: "new" as const, medication: { drug: "oxycodone" as const, form: "ir" as const, doseMg: 5, dosesPerDay: 4 } };

  it("warns to keep it to the lowest dose for a few days, re-evaluated within 2 weeks, citing CDC 2022", () => {
    const out = run({ ...acute, orders: [newOxycodone] });
    const alert = alertOf(out, "opioid-acute-prescription");
    expect(alert?.severity).toBe("warning");
    expect(alert?.detail).toMatch(/lowest effective dose/);
    expect(alert?.detail).toMatch(/within 2 weeks/);
    expect(alert?.evidence.map((e) => e.sourceId)).toEqual(["cdc-2022"]);
    expect(traceOf(out, "opioid.acute-prescription").outcome).toBe("fired");
    expect(therapies(out)).not.toContain("opioid");
  });

  it("uk profile: says NICE considers only a weak opioid, and only when an NSAID cannot be used or has not worked", () => {
    const alert = alertOf(run({ ...acute, profile: "uk", orders: [newOxycodone] }), "opioid-acute-prescription");
    expect(alert?.detail).toMatch(/weak opioid/);
    expect(alert?.evidence.map((e) => e.sourceId)).toEqual(["nice-ng59"]);
  });

  it.each([
    ["subacute pain", { pain: { durationWeeks: 6, intensity: 8 }, orders: [newOxycodone] }, "pain is subacute"],
    ["chronic pain", { orders: [newOxycodone] }, "pain is chronic"],
    ["a patient already taking an opioid", { ...acute, medications: [{ drug: "morphine" as const, doseMg: 10, dosesPerDay: 2 }], orders: [newOxycodone] }, "already taking an opioid"],
    ["a renewal of the opioid already taken", { ...acute, medications: [{ drug: "oxycodone" as const, form: "ir" as const, doseMg: 5, dosesPerDay: 4 }], orders: [newOxycodone] }, "no new opioid"],
    ["buprenorphine started for opioid use disorder", { ...acute, orders: [{ action: "new" as const, medication: buprenorphineForOud }] }, "no new opioid"],
    ["a non-opioid order", { ...acute, orders: [{ action: "new" as const, medication: { drug: "naproxen" as const, doseMg: 500, dosesPerDay: 2 } }] }, "no new opioid"],
  ])("does not fire for %s, and says why", (_label, overrides, because) => {
    const out = run(overrides);
    expect(codes(out)).not.toContain("opioid-acute-prescription");
    expect(traceOf(out, "opioid.acute-prescription").because).toContain(because);
  });
});

describe("naloxone already on hand is checked, not offered again (CDC 2022 rec. 8)", () => {
  const cases: [string, string, Overrides][] = [
    ["mme-50", "mme-50", { medications: [oxycodone(10)] }],
    ["mme-90 in pregnancy", "mme-90", { medications: [oxycodone(15)], patient: { ageYears: 30, pregnant: true } }],
    ["opioid in pregnancy", "opioid-pregnancy", { medications: [oxycodone(5)], patient: { ageYears: 30, pregnant: true } }],
    ["opioid use disorder untreated", "oud-treatment", { medications: [oxycodone(5)], conditions: ["opioid-use-disorder" as const] }],
    ["opioid with a benzodiazepine", "opioid-benzodiazepine", { medications: [oxycodone(5), { drug: "diazepam" as const, doseMg: 5, dosesPerDay: 2 }] }],
    ["medication for opioid use disorder with a benzodiazepine", "opioid-benzodiazepine", { medications: [buprenorphineForOud, { drug: "diazepam" as const, doseMg: 5, dosesPerDay: 2 }] }],
    ["opioid with a gabapentinoid", "opioid-cns-depressant", { medications: [oxycodone(5), { drug: "gabapentin" as const, doseMg: 300, dosesPerDay: 3 }] }],
  ];

  it.each(cases)("%s (%s)", (_label, code, overrides) => {
    const without = alertOf(run({ ...overrides, opioidSafety: { naloxoneOnHand: false } }), code)?.detail;
    const onHand = alertOf(run({ ...overrides, opioidSafety: { naloxoneOnHand: true } }), code)?.detail;
    expect(without).toMatch(/offer naloxone/i);
    expect(onHand).toMatch(/check that the naloxone at home is in date and the household knows how to use it/i);
    expect(onHand).not.toMatch(/offer naloxone/i);
  });
});

describe("a new fentanyl patch for a patient who is not opioid-tolerant (fentanyl patch label; CDC 2022 rec. 3)", () => {
  const patch = { action: "new" as const, medication: { drug: "fentanyl" as const, form: "patch" as const, mcgPerHour: 12 } };
  const tolerance = (out: ReturnType<typeof run>) => out.alerts.find((a) => a.code === "fentanyl-not-opioid-tolerant");

  it("tramadol 20 MME/day: critical, with the label's definition of tolerance", () => {
    const out = run({ medications: [{ drug: "tramadol", doseMg: 50, dosesPerDay: 2 }], orders: [patch] });
    expect(tolerance(out)).toMatchObject({ severity: "critical", summary: "New fentanyl patch for a patient who is not opioid-tolerant (20 MME/day before this visit)" });
    expect(tolerance(out)?.detail).toMatch(/60 MME\/day or more \(for example 30 mg of oral oxycodone a day\) for a week or longer/);
    expect(tolerance(out)?.evidence[0]?.sourceId).toBe("fentanyl-patch-label");
    expect(codes(out)).not.toContain("er-opioid-opioid-naive");
  });

  it("60 MME/day for under a week is not yet tolerance", () => {
    const out = run({ treatments: [{ therapy: "opioid", status: "current", weeks: 0.5 }], medications: [{ drug: "oxycodone", doseMg: 10, dosesPerDay: 4 }], orders: [patch] });
    expect(tolerance(out)?.summary).toBe("New fentanyl patch for a patient who is not opioid-tolerant (0.5 weeks of opioid)");
  });

  it("a dose that cannot be computed: a warning to confirm tolerance first", () => {
    const out = run({ medications: [{ drug: "oxycodone" }], orders: [patch] });
    expect(tolerance(out)).toMatchObject({ severity: "warning", summary: "New fentanyl patch: opioid tolerance not confirmed" });
    expect(tolerance(out)?.detail).toMatch(/confirm the daily dose before the patch is started/);
  });

  it.each([
    ["60 MME/day for 10 weeks (tolerant)", { treatments: [{ therapy: "opioid" as const, status: "current" as const, weeks: 10 }], medications: [{ drug: "oxycodone" as const, doseMg: 10, dosesPerDay: 4 }], orders: [patch] }, /opioid-tolerant: 60 MME\/day before this visit's orders, for 10 weeks/],
    ["no opioid before (the opioid-naive alert applies instead)", { orders: [patch] }, /the alert for long-acting opioids in opioid-naive patients applies/],
    ["methadone for opioid use disorder", { medications: [{ drug: "methadone" as const, doseMg: 60, dosesPerDay: 1, indication: "opioid-use-disorder" as const }], orders: [patch] }, /judged with its prescriber/],
    ["a renewal of a patch already worn", { medications: [{ drug: "fentanyl" as const, form: "patch" as const, mcgPerHour: 12 }], orders: [patch] }, /no new fentanyl/],
  ])("%s: no alert", (_label, overrides, because) => {
    const out = run(overrides);
    expect(tolerance(out)).toBeUndefined();
    expect(traceOf(out, "opioid.fentanyl-tolerance")).toMatchObject({ outcome: "not-fired", because: expect.stringMatching(because) });
  });

  it("an opioid-naive patient gets the long-acting alert, not this one", () => {
    const out = run({ orders: [patch] });
    expect(codes(out)).toContain("er-opioid-opioid-naive");
  });
});

describe("new buprenorphine for a patient taking a full-agonist opioid: precipitated withdrawal (Butrans label; SAMHSA TIP 63)", () => {
  const patch = { action: "new" as const, medication: { drug: "buprenorphine" as const, form: "patch" as const, mcgPerHour: 10 } };
  const forOud = { action: "new" as const, medication: buprenorphineForOud };
  const withdrawal = (out: ReturnType<typeof run>) => alertOf(out, "buprenorphine-precipitated-withdrawal");

  it("a patch for pain on top of oxycodone 90 MME/day: reduce to 30 MME/day or less first, citing the patch label", () => {
    const out = run({ medications: [oxycodone(15, 4)], orders: [patch] });
    expect(withdrawal(out)).toMatchObject({ severity: "warning", summary: "Buprenorphine ordered for a patient taking oxycodone (90 MME/day): risk of precipitated withdrawal" });
    expect(withdrawal(out)?.detail).toMatch(/reduce the current opioid to 30 MME\/day or less before the first dose/);
    expect(withdrawal(out)?.detail).toMatch(/Keep naloxone at home/);
    expect(withdrawal(out)?.evidence.map((e) => e.sourceId)).toEqual(["buprenorphine-transdermal-label"]);
  });

  it("buprenorphine for opioid use disorder: the first dose once withdrawal has begun, without delaying treatment, citing TIP 63", () => {
    const out = run({ medications: [oxycodone(10, 2)], orders: [forOud] });
    expect(withdrawal(out)?.summary).toBe("Buprenorphine ordered for a patient taking oxycodone (30 MME/day): risk of precipitated withdrawal");
    expect(withdrawal(out)?.detail).toMatch(/once withdrawal has begun .* do not delay treatment/);
    expect(withdrawal(out)?.evidence.map((e) => e.sourceId)).toEqual(["samhsa-tip63"]);
  });

  it("from methadone for opioid use disorder: judged as a change of treatment, not by MME", () => {
    const out = run({ medications: [{ drug: "methadone", doseMg: 80, dosesPerDay: 1, indication: "opioid-use-disorder" }], orders: [forOud] });
    expect(withdrawal(out)?.summary).toBe("Buprenorphine ordered for a patient taking methadone (methadone for opioid use disorder): risk of precipitated withdrawal");
    expect(withdrawal(out)?.detail).toMatch(/longer after methadone/);
  });

  it("a full-agonist dose that cannot be computed: the alert asks for it to be confirmed", () => {
    const out = run({ medications: [{ drug: "hydromorphone" }], orders: [patch] });
    expect(withdrawal(out)?.summary).toMatch(/\(dose not computable\)/);
    expect(withdrawal(out)?.detail).toMatch(/confirm its daily dose first/);
  });

  it.each([
    ["oxycodone 30 MME/day (within the label's limit)", { medications: [oxycodone(5, 4)], orders: [patch] }, /oxycodone at 30 MME\/day: within the 30 MME\/day/],
    ["no opioid before this visit", { orders: [patch] }, /no full-agonist opioid is on the list/],
    ["buprenorphine already taken", { medications: [{ drug: "buprenorphine" as const, form: "patch" as const, mcgPerHour: 5 }, oxycodone(15)], orders: [{ ...patch, action: "change" as const }] }, /no new buprenorphine|already taken/],
    ["no buprenorphine ordered", { medications: [oxycodone(15)] }, /no new buprenorphine/],
  ])("%s: no alert", (_label, overrides, because) => {
    const out = run(overrides);
    expect(withdrawal(out)).toBeUndefined();
    expect(traceOf(out, "opioid.buprenorphine-start")).toMatchObject({ outcome: "not-fired", because: expect.stringMatching(because) });
  });
});

describe("a new extended-release opioid at a strength for opioid-tolerant patients only (Exalgo, OxyContin and MS Contin labels)", () => {
  const newEr = (drug: "hydromorphone" | "oxycodone" | "morphine", doseMg: number, dosesPerDay = 2) => ({ action: "new" as const, medication: { drug, form: "er" as const, doseMg, dosesPerDay } });
  const tramadol = { drug: "tramadol" as const, doseMg: 50, dosesPerDay: 2 };
  const gate = (out: ReturnType<typeof run>) => alertOf(out, "er-opioid-not-opioid-tolerant");

  it.each([
    ["extended-release hydromorphone at any strength", newEr("hydromorphone", 8, 1), "extended-release hydromorphone", "hydromorphone-er-label"],
    ["extended-release oxycodone 60 mg a dose", newEr("oxycodone", 60), "extended-release oxycodone 60 mg (120 mg a day)", "oxycontin-label"],
    ["extended-release oxycodone 30 mg three times a day (90 mg a day)", newEr("oxycodone", 30, 3), "extended-release oxycodone 30 mg (90 mg a day)", "oxycontin-label"],
    ["extended-release morphine 100 mg a dose", newEr("morphine", 100), "extended-release morphine 100 mg (200 mg a day)", "ms-contin-label"],
  ])("%s, for a patient on tramadol 20 MME/day: critical, citing its label", (_label, order, product, source) => {
    const alert = gate(run({ medications: [tramadol], orders: [order] }));
    expect(alert).toMatchObject({ severity: "critical", summary: `New ${product} for a patient who is not opioid-tolerant (20 MME/day before this visit)` });
    expect(alert?.detail).toMatch(/60 MME\/day or more \(for example 30 mg of oral oxycodone a day\) for a week or longer/);
    expect(alert?.evidence.map((e) => e.sourceId)).toEqual([source]);
  });

  it("a dose before the visit that cannot be computed: a warning to confirm tolerance first", () => {
    const alert = gate(run({ medications: [{ drug: "oxycodone" }], orders: [newEr("hydromorphone", 8, 1)] }));
    expect(alert).toMatchObject({ severity: "warning", summary: "New extended-release hydromorphone: opioid tolerance not confirmed" });
    expect(alert?.detail).toMatch(/confirm the daily dose before it is started/);
  });

  it("extended-release oxycodone ordered without its dose: the strength is unknown, so the trace says so rather than passing it", () => {
    const out = run({ medications: [tramadol], orders: [{ action: "new", medication: { drug: "oxycodone", form: "er" } }] });
    expect(gate(out)).toBeUndefined();
    expect(traceOf(out, "opioid.er-tolerance")).toMatchObject({ outcome: "insufficient-data", because: expect.stringMatching(/whether it is a strength for opioid-tolerant patients only is unknown/) });
  });

  it.each([
    ["extended-release oxycodone 20 mg twice a day (a strength for anyone)", { medications: [tramadol], orders: [newEr("oxycodone", 20)] }, /no new extended-release opioid at a strength for opioid-tolerant patients only/],
    ["extended-release morphine 30 mg twice a day", { medications: [tramadol], orders: [newEr("morphine", 30)] }, /no new extended-release opioid at a strength/],
    ["hydromorphone ER for a patient on 60 MME/day for 10 weeks (tolerant)", { treatments: [{ therapy: "opioid" as const, status: "current" as const, weeks: 10 }], medications: [oxycodone(10, 4)], orders: [newEr("hydromorphone", 8, 1)] }, /opioid-tolerant: 60 MME\/day before this visit's orders, for 10 weeks/],
    ["no opioid before (the opioid-naive alert applies instead)", { orders: [newEr("hydromorphone", 8, 1)] }, /the alert for long-acting opioids in opioid-naive patients applies/],
    ["methadone for opioid use disorder", { medications: [{ drug: "methadone" as const, doseMg: 60, dosesPerDay: 1, indication: "opioid-use-disorder" as const }], orders: [newEr("oxycodone", 60)] }, /judged with its prescriber/],
  ])("%s: no alert", (_label, overrides, because) => {
    const out = run(overrides);
    expect(gate(out)).toBeUndefined();
    expect(traceOf(out, "opioid.er-tolerance")).toMatchObject({ outcome: "not-fired", because: expect.stringMatching(because) });
  });
});
