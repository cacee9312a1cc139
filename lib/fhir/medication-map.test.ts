import { describe, expect, it } from "vitest";
import { readMedication } from "./medication-map";

const RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
const request = (code: string, dosage: object | object[] | undefined, extra: object = {}) => ({
  resourceType: "MedicationRequest",
  status: "active",
  medicationCodeableConcept: { coding: [{ system: RXNORM, code }] },
  ...(dosage === undefined ? {} : { dosageInstruction: Array.isArray(dosage) ? dosage : [dosage] }),
  ...extra,
});
const every = (hours: number, count = 1, unit = "{tbl}", prn = false) => ({
  timing: { repeat: { frequency: 1, period: hours, periodUnit: "h" } },
  asNeededBoolean: prn,
  doseAndRate: [{ doseQuantity: { value: count, unit, system: "http://unitsofmeasure.org", code: unit } }],
});
const read = (resource: object, forOud = false) => readMedication(resource as Record<string, unknown>, () => undefined, forOud);

describe("RxNorm and the sig read as a contract medication", () => {
  it("reads an extended-release oxycodone tablet every 12 hours", () => {
    expect(read(request("1049502", every(12)))).toEqual({ kind: "mapped", name: "12 HR Oxycodone Hydrochloride 10 MG Extended Release Oral Tablet", medication: { drug: "oxycodone", form: "er", doseMg: 10, dosesPerDay: 2 }, doseNote: null });
  });

  it("reads a fentanyl patch as micrograms an hour, whatever its change interval", () => {
    const patch = { timing: { repeat: { frequency: 1, period: 3, periodUnit: "d" } }, doseAndRate: [{ doseQuantity: { value: 1, code: "{patch}" } }] };
    expect(read(request("197696", patch))).toMatchObject({ medication: { drug: "fentanyl", form: "patch", mcgPerHour: 75 }, doseNote: null });
  });

  it("takes the opioid of a combination product, at its own strength", () => {
    // acetaminophen 325 MG / hydrocodone bitartrate 5 MG Oral Tablet
    const result = read({ ...request("856999", every(6, 2)), medicationCodeableConcept: { coding: [{ system: RXNORM, code: "0", display: "acetaminophen 325 MG / hydrocodone bitartrate 5 MG Oral Tablet" }] } });
    expect(result).toMatchObject({ medication: { drug: "hydrocodone", form: "ir", doseMg: 10, dosesPerDay: 4 } });
  });

  it("reads an as-needed sig at the most it allows", () => {
    const prn = { ...every(4, 1, "{tbl}", true), maxDosePerPeriod: { numerator: { value: 4 }, denominator: { value: 1, code: "d" } } };
    expect(read(request("1049621", prn))).toMatchObject({ medication: { drug: "oxycodone", prn: true, dosesPerDay: 4 } });
    expect(read(request("1049621", { ...every(6, 1, "{tbl}"), asNeededBoolean: true, timing: { repeat: { frequency: 1, frequencyMax: 2, period: 6, periodUnit: "h" } } }))).toMatchObject({ medication: { dosesPerDay: 8, prn: true } });
  });

  it("never guesses a dose: a dose unit that does not fit the product, no schedule or several instructions leave it out", () => {
    expect(read(request("1049502", every(72, 1, "{patch}")))).toMatchObject({ medication: { drug: "oxycodone", form: "er" }, doseNote: "the dose quantity does not match the product" });
    expect(read(request("1049502", { doseAndRate: [{ doseQuantity: { value: 1, code: "{tbl}" } }] }))).toMatchObject({ doseNote: "the schedule gives no doses a day" });
    expect(read(request("1049502", [every(12), every(24)]))).toMatchObject({ doseNote: "more than one dosage instruction" });
    expect(read(request("1049502", undefined))).toMatchObject({ medication: { drug: "oxycodone", form: "er" }, doseNote: "no dosage instruction" });
    for (const reading of [read(request("1049502", every(72, 1, "{patch}"))), read(request("1049502", undefined))]) {
      expect(reading?.kind === "mapped" && reading.medication.doseMg).toBeFalsy();
    }
  });

  it("tells medication for opioid use disorder from pain treatment", () => {
    const film = read(request("0", every(24, 1, "{film}"), { medicationCodeableConcept: { text: "buprenorphine 8 MG / naloxone 2 MG Sublingual Film" } }));
    expect(film).toMatchObject({ medication: { drug: "buprenorphine", indication: "opioid-use-disorder" } });
    expect(read(request("0", every(24, 10, "mg"), { medicationCodeableConcept: { text: "methadone hydrochloride 10 MG Oral Tablet" } }), true)).toMatchObject({ medication: { drug: "methadone", indication: "opioid-use-disorder", doseMg: 10 } });
    expect(read(request("0", every(8, 1), { medicationCodeableConcept: { text: "methadone hydrochloride 10 MG Oral Tablet" } }))).toMatchObject({ medication: { drug: "methadone", indication: "pain", dosesPerDay: 3 } });
  });

  it("names opioids and benzodiazepines outside the vocabulary instead of dropping them", () => {
    expect(read({ ...request("0", every(4)), medicationCodeableConcept: { text: "meperidine hydrochloride 50 MG Oral Tablet" } })).toEqual({ kind: "unassessed", name: "meperidine hydrochloride 50 MG Oral Tablet", drugClass: "opioid" });
    expect(read({ ...request("0", every(24)), medicationCodeableConcept: { text: "midazolam 2 MG/ML Oral Solution" } })).toMatchObject({ kind: "unassessed", drugClass: "benzodiazepine" });
    expect(read({ ...request("0", every(24)), medicationCodeableConcept: { text: "lisinopril 10 MG Oral Tablet" } })).toMatchObject({ kind: "other" });
  });

  it("reads the benzodiazepines of the reference's value set, temazepam included", () => {
    expect(read({ ...request("0", every(24)), medicationCodeableConcept: { coding: [{ system: RXNORM, code: "0", display: "temazepam 15 MG Oral Capsule" }] } })).toMatchObject({ medication: { drug: "temazepam", doseMg: 15, dosesPerDay: 1 } });
  });

  it("survives malformed resources", () => {
    for (const broken of [{}, { medicationCodeableConcept: "x" }, { medicationCodeableConcept: { coding: "x" }, dosageInstruction: "x" }, request("1049502", { timing: 4, doseAndRate: [null] })]) {
      expect(() => read(broken)).not.toThrow();
    }
  });
});
