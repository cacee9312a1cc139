import type { AssessmentInput } from "@/lib/ladder/assessment-schema";
import { DRUGS, drugClass, type DrugId } from "@/lib/ladder/vocabulary";
import { codingsOf, listOf, numberOf, objectOf, textOf, type FhirJson } from "./fhir-values";
import terminology from "./terminology-data.json";

// A MedicationRequest read as one of the contract's medications: RxNorm code → ingredient, strength and dose form
// (from the RxNorm names of the CDC reference's drug data, else the coding's own display), and the sig → a dose and
// doses a day. A sig that does not resolve leaves the dose out, so the engine says "MME not computable": a dose is
// never guessed. Versioned like the MME table: a change of reading is a new MEDICATION_MAPPING_VERSION.
export const MEDICATION_MAPPING_VERSION = "2026-12-1";

type MedicationInput = NonNullable<AssessmentInput["medications"]>[number];

export type MedicationReading =
  | { kind: "mapped"; name: string; medication: MedicationInput; doseNote: string | null }
  /** An opioid or benzodiazepine outside the contract's drugs: named, never dropped in silence. */
  | { kind: "unassessed"; name: string; drugClass: "opioid" | "benzodiazepine" }
  | { kind: "other"; name: string };

const RXNORM_NAMES: Record<string, string> = terminology.rxnormNames;
const KNOWN_DRUGS = new Set<string>(DRUGS);
const OTHER_OPIOIDS = ["meperidine", "dihydrocodeine", "levorphanol", "pentazocine", "butorphanol", "opium", "propoxyphene", "nalbuphine", "levomethadyl", "sufentanil", "alfentanil", "remifentanil"];
const OTHER_BENZODIAZEPINES = ["midazolam", "estazolam", "quazepam", "clobazam", "halazepam"];

type Component = { ingredient: string; strength: number; unit: string };

/** `acetaminophen 325 MG / hydrocodone bitartrate 5 MG Oral Tablet` → its ingredients with their strengths. */
function componentsOf(name: string): Component[] {
  const found: Component[] = [];
  for (const part of name.replace(/^\{.*?\(/, "").split(" / ")) {
    // Durations and volumes that lead a name ("12 HR", "7 DAY", "0.5 ML") are not the ingredient.
    const match = part.replace(/^(\d+(\.\d+)?\s(HR|DAY|ML|ACTUAT)\s)+/i, "").match(/([A-Za-z][A-Za-z-]*)[A-Za-z\s-]*?\s([\d.]+)\s(MG\/HR|MCG\/HR|MG\/ML|MG\/ACTUAT|MCG\/ACTUAT|MG|MCG)\b/i);
    if (match) found.push({ ingredient: (match[1] as string).toLowerCase(), strength: Number(match[2]), unit: (match[3] as string).toUpperCase() });
  }
  return found;
}

/** The ingredient Backstep reasons about in a product: the opioid of a combination first, then a benzodiazepine. */
function mainComponent(components: Component[]): Component | undefined {
  const rank = (c: Component) => (KNOWN_DRUGS.has(c.ingredient) ? { opioid: 0, benzodiazepine: 1 }[drugClass(c.ingredient as DrugId) as string] ?? 2 : 3);
  return [...components].sort((a, b) => rank(a) - rank(b))[0];
}

const COUNT_UNITS = new Set(["1", "{tbl}", "tbl", "tab", "{tab}", "tablet", "tablets", "{tablet}", "{tablets}", "cap", "{cap}", "capsule", "capsules", "{capsule}", "{capsules}", "{count}", "each", "ea"]);
const PATCH_UNITS = new Set(["1", "patch", "patches", "{patch}", "{patches}", "{count}", "each", "ea"]);

function doseUnitOf(quantity: FhirJson | undefined): string | undefined {
  return (textOf(quantity?.code) ?? textOf(quantity?.unit))?.toLowerCase();
}

/** One dose in mg (or a patch's mcg/h) from the product's strength and the sig's dose quantity, or null. */
function doseOf(component: Component, productName: string, quantity: FhirJson | undefined): { doseMg?: number; mcgPerHour?: number } | null {
  const value = numberOf(quantity?.value);
  const unit = doseUnitOf(quantity);
  if (value === undefined || value <= 0 || unit === undefined) return null;
  const solid = /tablet|capsule|film|lozenge|strip/i.test(productName);
  switch (component.unit) {
    case "MG":
    case "MCG": {
      const mg = component.unit === "MG" ? component.strength : component.strength / 1000;
      if (unit === "mg") return { doseMg: value };
      return solid && COUNT_UNITS.has(unit) ? { doseMg: value * mg } : null;
    }
    case "MG/ML":
      if (unit === "ml") return { doseMg: value * component.strength };
      return unit === "mg" ? { doseMg: value } : null;
    case "MG/HR":
    case "MCG/HR": {
      const perHour = component.unit === "MG/HR" ? component.strength * 1000 : component.strength;
      return /transdermal/i.test(productName) && PATCH_UNITS.has(unit) ? { mcgPerHour: value * perHour } : null;
    }
    default:
      return null;
  }
}

const DAYS_PER_UNIT: Record<string, number> = { s: 1 / 86_400, min: 1 / 1440, h: 1 / 24, d: 1, wk: 7, mo: 30, a: 365 };
/** Abbreviated schedules (HL7 v3 GTSAbbreviation) as doses a day. */
const TIMING_CODES: Record<string, number> = { QD: 1, BID: 2, TID: 3, QID: 4, AM: 1, PM: 1, QHS: 1, Q4H: 6, Q6H: 4, Q8H: 3, Q12H: 2, QOD: 0.5 };

/** Doses a day from the sig: the most it allows when taken as needed (its maximum, else its frequency). */
function dosesPerDayOf(dosage: FhirJson, prn: boolean): number | null {
  const timing = objectOf(dosage.timing);
  const repeat = objectOf(timing?.repeat);
  const maxPerPeriod = objectOf(dosage.maxDosePerPeriod);
  if (prn && maxPerPeriod) {
    const doses = numberOf(objectOf(maxPerPeriod.numerator)?.value);
    const denominator = objectOf(maxPerPeriod.denominator);
    const days = (numberOf(denominator?.value) ?? 0) * (DAYS_PER_UNIT[textOf(denominator?.code) ?? textOf(denominator?.unit) ?? ""] ?? 0);
    const unit = doseUnitOf(objectOf(maxPerPeriod.numerator));
    if (doses !== undefined && days > 0 && (unit === undefined || COUNT_UNITS.has(unit))) return doses / days;
  }
  if (repeat) {
    const frequency = (prn ? numberOf(repeat.frequencyMax) : undefined) ?? numberOf(repeat.frequency) ?? 1;
    const period = numberOf(repeat.period);
    const perUnit = DAYS_PER_UNIT[textOf(repeat.periodUnit) ?? ""];
    if (period !== undefined && period > 0 && perUnit !== undefined) return frequency / (period * perUnit);
  }
  for (const coded of listOf(objectOf(timing?.code)?.coding)) {
    const perDay = TIMING_CODES[textOf(objectOf(coded)?.code)?.toUpperCase() ?? ""];
    if (perDay !== undefined) return perDay;
  }
  return null;
}

const isPrn = (dosage: FhirJson) => dosage.asNeededBoolean === true || objectOf(dosage.asNeededCodeableConcept) !== undefined;

/** The product's name: the RxNorm table, else a coding's display, else the concept's text. */
export function productName(concept: unknown): string | undefined {
  const codings = codingsOf(concept);
  for (const c of codings) if (c.system === "rxnorm" && RXNORM_NAMES[c.code]) return RXNORM_NAMES[c.code];
  return codings.find((c) => c.display)?.display ?? textOf(objectOf(concept)?.text);
}

const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;

/**
 * A MedicationRequest (or MedicationStatement) as a contract medication. `medicationFor` resolves a
 * `medicationReference` to its Medication resource; `forOud` says whether the request's reason is opioid use disorder.
 */
export function readMedication(resource: FhirJson, medicationFor: (reference: string) => FhirJson | undefined, forOud: boolean): MedicationReading | null {
  const reference = textOf(objectOf(resource.medicationReference)?.reference);
  const concept = resource.medicationCodeableConcept ?? (reference ? medicationFor(reference)?.code : undefined);
  const name = productName(concept);
  if (!name) return null;
  const components = componentsOf(name);
  const main = mainComponent(components);
  const lower = name.toLowerCase();
  if (!main || !KNOWN_DRUGS.has(main.ingredient)) {
    const other = OTHER_OPIOIDS.find((drug) => lower.includes(drug));
    if (other) return { kind: "unassessed", name, drugClass: "opioid" };
    if (OTHER_BENZODIAZEPINES.some((drug) => lower.includes(drug))) return { kind: "unassessed", name, drugClass: "benzodiazepine" };
    const named = DRUGS.find((drug) => new RegExp(`\\b${drug}\\b`).test(lower));
    return named ? { kind: "mapped", name, medication: { drug: named }, doseNote: "strength not found in the product's name" } : { kind: "other", name };
  }
  const drug = main.ingredient as DrugId;
  const medication: MedicationInput = { drug };
  if (drugClass(drug) === "opioid") medication.form = /transdermal/i.test(name) ? "patch" : /extended release|^\d+ hr /i.test(name) ? "er" : "ir";
  if (drug === "buprenorphine" && (/sublingual/i.test(name) || lower.includes("naloxone"))) medication.indication = "opioid-use-disorder";
  else if (drug === "methadone" && forOud) medication.indication = "opioid-use-disorder";
  else if (drug === "buprenorphine" || drug === "methadone") medication.indication = "pain";

  const dosages = listOf(resource.dosageInstruction ?? resource.dosage).map(objectOf).filter((d): d is FhirJson => d !== undefined);
  if (dosages.length !== 1) return { kind: "mapped", name, medication, doseNote: dosages.length ? "more than one dosage instruction" : "no dosage instruction" };
  const dosage = dosages[0] as FhirJson;
  const prn = isPrn(dosage);
  if (prn) medication.prn = true;
  const quantity = objectOf(objectOf(listOf(dosage.doseAndRate)[0])?.doseQuantity);
  const dose = doseOf(main, name, quantity);
  if (!dose) return { kind: "mapped", name, medication, doseNote: "the dose quantity does not match the product" };
  if (dose.mcgPerHour !== undefined) {
    if (dose.mcgPerHour > 1000) return { kind: "mapped", name, medication, doseNote: "implausible patch strength" };
    medication.mcgPerHour = round(dose.mcgPerHour, 2);
    return { kind: "mapped", name, medication, doseNote: null };
  }
  const perDay = dosesPerDayOf(dosage, prn);
  if (perDay === null) return { kind: "mapped", name, medication, doseNote: "the schedule gives no doses a day" };
  if ((dose.doseMg ?? 0) > 10_000 || perDay > 48 || perDay <= 0) return { kind: "mapped", name, medication, doseNote: "implausible dose or schedule" };
  medication.doseMg = round(dose.doseMg as number, 3);
  medication.dosesPerDay = round(perDay, 4);
  return { kind: "mapped", name, medication, doseNote: null };
}
