import { describe, expect, it } from "vitest";
import { computeMme, MME_FACTORS, mmeOfMedication } from "./mme";
import type { Medication } from "./assessment-schema";

describe("MME per drug (CDC 2022 factors)", () => {
  it.each([
    ["codeine", 30, 4, 18],
    ["hydrocodone", 10, 3, 30],
    ["hydromorphone", 4, 5, 100],
    ["methadone", 10, 2, 94],
    ["morphine", 60, 2, 120],
    ["oxycodone", 10, 4, 60],
    ["oxymorphone", 10, 2, 60],
    ["tapentadol", 100, 2, 80],
    ["tramadol", 50, 4, 40],
  ] as const)("%s %i mg x %i a day = %i MME", (drug, doseMg, dosesPerDay, expected) => {
    expect(mmeOfMedication({ drug, doseMg, dosesPerDay })).toMatchObject({ drug, mmePerDay: expected, computable: true });
  });

  it("uses 2.4 per mcg/h for a fentanyl patch", () => {
    expect(mmeOfMedication({ drug: "fentanyl", form: "patch", mcgPerHour: 25 })).toMatchObject({ mmePerDay: 60, factor: 2.4, computable: true });
  });

  it("does not convert buprenorphine, and says so", () => {
    const item = mmeOfMedication({ drug: "buprenorphine", doseMg: 8, dosesPerDay: 2 });
    expect(item).toMatchObject({ mmePerDay: null, factor: null });
    expect(item?.note).toMatch(/not converted/);
  });

  it("counts a PRN sig at its maximum frequency", () => {
    expect(mmeOfMedication({ drug: "oxycodone", doseMg: 5, dosesPerDay: 6, prn: true })?.mmePerDay).toBe(45);
  });

  it.each<[string, Medication]>([
    ["no dose", { drug: "oxycodone", dosesPerDay: 4 }],
    ["no frequency", { drug: "oxycodone", doseMg: 10 }],
    ["PRN without a maximum", { drug: "hydrocodone", doseMg: 10, prn: true }],
    ["patch without strength", { drug: "fentanyl", form: "patch" }],
    ["fentanyl not as a patch", { drug: "fentanyl", form: "ir", doseMg: 0.1, dosesPerDay: 4 }],
  ])("is not computable with %s, never zero", (_label, medication) => {
    expect(mmeOfMedication(medication)).toMatchObject({ mmePerDay: null, computable: false });
  });

  it("ignores drugs that are not opioids", () => {
    expect(mmeOfMedication({ drug: "naproxen", doseMg: 500, dosesPerDay: 2 })).toBeNull();
    expect(mmeOfMedication({ drug: "alprazolam", doseMg: 1, dosesPerDay: 2 })).toBeNull();
  });

  it("has a factor (or a stated reason not to convert) for every opioid in the contract", () => {
    expect(Object.keys(MME_FACTORS).sort()).toEqual(
      ["buprenorphine", "codeine", "fentanyl", "hydrocodone", "hydromorphone", "methadone", "morphine", "oxycodone", "oxymorphone", "tapentadol", "tramadol"],
    );
  });
});

const total = (medications: Medication[], opioidTherapyCurrent = false) => computeMme(medications, medications, { before: opioidTherapyCurrent, after: opioidTherapyCurrent });

describe("total MME", () => {
  it("is 0 with no opioids", () => {
    expect(total([])).toEqual({ totalPerDay: 0, currentPerDay: 0, computable: true, computedPerDay: 0, items: [], factorTable: "cdc-2022" });
  });

  it("adds the opioids", () => {
    expect(total([{ drug: "oxycodone", doseMg: 10, dosesPerDay: 4 }, { drug: "fentanyl", form: "patch", mcgPerHour: 12 }])).toMatchObject({ totalPerDay: 88.8, computable: true });
  });

  it("is unknown (null) when any opioid cannot be computed, keeping the computed part as a floor", () => {
    const result = total([{ drug: "oxycodone", doseMg: 10, dosesPerDay: 4 }, { drug: "morphine", doseMg: 30 }]);
    expect(result).toMatchObject({ totalPerDay: null, computable: false, computedPerDay: 60 });
  });

  it("is unknown when opioid therapy is recorded without any sig", () => {
    expect(total([], true)).toMatchObject({ totalPerDay: null, computable: false, computedPerDay: 0 });
  });

  it("never counts medication for opioid use disorder, and says why", () => {
    const methadone: Medication = { drug: "methadone", doseMg: 100, dosesPerDay: 1, indication: "opioid-use-disorder" };
    const result = total([methadone, { drug: "oxycodone", doseMg: 5, dosesPerDay: 2 }]);
    expect(result).toMatchObject({ totalPerDay: 15, computable: true, computedPerDay: 15 });
    expect(result.items[0]).toMatchObject({ drug: "methadone", mmePerDay: null, computable: true });
    expect(result.items[0]?.note).toMatch(/opioid use disorder/);
  });

  it("still needs a sig for opioid therapy when the only opioid listed is for opioid use disorder", () => {
    const result = total([{ drug: "buprenorphine", doseMg: 8, dosesPerDay: 2, indication: "opioid-use-disorder" }], true);
    expect(result).toMatchObject({ totalPerDay: null, computable: false });
  });

  it("gives the total before the orders beside the total after them", () => {
    const before: Medication[] = [{ drug: "oxycodone", doseMg: 10, dosesPerDay: 4 }];
    const after: Medication[] = [{ drug: "oxycodone", doseMg: 10, dosesPerDay: 3 }];
    expect(computeMme(before, after, { before: false, after: false })).toMatchObject({ currentPerDay: 60, totalPerDay: 45 });
  });

  it("counts opioid therapy recorded as current only on the side where it still runs", () => {
    const before: Medication[] = [{ drug: "oxycodone", doseMg: 20, dosesPerDay: 3 }];
    expect(computeMme(before, [], { before: true, after: false })).toMatchObject({ currentPerDay: 90, totalPerDay: 0, computable: true });
    expect(computeMme(before, [], { before: true, after: true })).toMatchObject({ currentPerDay: 90, totalPerDay: null, computable: false });
  });
});
