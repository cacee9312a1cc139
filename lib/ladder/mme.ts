import type { Medication } from "./assessment-schema";
import { drugClass, type DrugId, type OpioidDrug } from "./vocabulary";
import { round } from "./scores";

// Morphine milligram equivalents from the CDC 2022 guideline's conversion factors (its Table). A versioned table:
// a change of factors is a new table id, and every stored recommendation names the table it used.
export const MME_FACTOR_TABLE = "cdc-2022" as const;

type Factor = { perMg: number } | { perMcgPerHour: number } | { notConverted: string };

export const MME_FACTORS: Record<OpioidDrug, Factor> = {
  codeine: { perMg: 0.15 },
  fentanyl: { perMcgPerHour: 2.4 },
  hydrocodone: { perMg: 1 },
  hydromorphone: { perMg: 5 },
  methadone: { perMg: 4.7 },
  morphine: { perMg: 1 },
  oxycodone: { perMg: 1.5 },
  oxymorphone: { perMg: 3 },
  tapentadol: { perMg: 0.4 },
  tramadol: { perMg: 0.2 },
  buprenorphine: {
    notConverted:
      "buprenorphine is not converted to MME: CDC 2022 notes its partial agonism means MME does not reflect its overdose risk",
  },
};

export type MmeItem = {
  drug: DrugId;
  /** MME per day, or null when the sig cannot give a daily dose (or the drug is not converted). */
  mmePerDay: number | null;
  factor: number | null;
  computable: boolean;
  note?: string;
};

export type MmeResult = {
  /** Total MME per day after this visit's orders; null when any opioid's daily dose cannot be computed (never guessed as zero). */
  totalPerDay: number | null;
  /** The same total before this visit's orders (contract 1.1); equal to totalPerDay when there are none. */
  currentPerDay: number | null;
  computable: boolean;
  /** The sum of the opioids that could be computed: a floor when the total is not computable. */
  computedPerDay: number;
  items: MmeItem[];
  factorTable: typeof MME_FACTOR_TABLE;
};

const MOUD_NOTE = "medication for opioid use disorder: not counted in MME (CDC 2022 advises against using MME for these decisions)";

export function mmeOfMedication(medication: Medication): MmeItem | null {
  if (drugClass(medication.drug) !== "opioid") return null;
  const drug = medication.drug as OpioidDrug;
  if (medication.indication === "opioid-use-disorder") return { drug, mmePerDay: null, factor: null, computable: true, note: MOUD_NOTE };
  const factor = MME_FACTORS[drug];
  if ("notConverted" in factor) return { drug, mmePerDay: null, factor: null, computable: true, note: factor.notConverted };
  if ("perMcgPerHour" in factor) {
    if (medication.form !== undefined && medication.form !== "patch") {
      return { drug, mmePerDay: null, factor: null, computable: false, note: "only the fentanyl patch has a CDC 2022 conversion factor" };
    }
    if (medication.mcgPerHour === undefined) {
      return { drug, mmePerDay: null, factor: factor.perMcgPerHour, computable: false, note: "patch strength (mcg/h) not given" };
    }
    return { drug, mmePerDay: round(medication.mcgPerHour * factor.perMcgPerHour, 2), factor: factor.perMcgPerHour, computable: true };
  }
  if (medication.doseMg === undefined || medication.dosesPerDay === undefined) {
    const missing = [medication.doseMg === undefined && "dose (mg)", medication.dosesPerDay === undefined && (medication.prn ? "maximum doses per day" : "doses per day")]
      .filter(Boolean)
      .join(" and ");
    return { drug, mmePerDay: null, factor: factor.perMg, computable: false, note: `${missing} not given` };
  }
  // A PRN sig counts at its maximum frequency, which is what dosesPerDay holds for it.
  return { drug, mmePerDay: round(medication.doseMg * medication.dosesPerDay * factor.perMg, 2), factor: factor.perMg, computable: true };
}

type MmeTotal = Pick<MmeResult, "totalPerDay" | "computable" | "computedPerDay" | "items">;

/** MME of every opioid in a medication list. Opioid therapy recorded as current with no pain opioid listed has no sig to count. */
export function totalMme(medications: readonly Medication[], opioidTherapyCurrent: boolean): MmeTotal {
  const items: MmeItem[] = [];
  let computedPerDay = 0;
  let computable = true;
  let painOpioids = 0;
  for (const medication of medications) {
    const item = mmeOfMedication(medication);
    if (!item) continue;
    items.push(item);
    if (medication.indication !== "opioid-use-disorder") painOpioids += 1;
    computedPerDay += item.mmePerDay ?? 0;
    computable &&= item.computable;
  }
  if (opioidTherapyCurrent && painOpioids === 0) computable = false;
  computedPerDay = round(computedPerDay, 2);
  return { totalPerDay: computable ? computedPerDay : null, computable, computedPerDay, items };
}

/**
 * MME after this visit's orders (what every threshold is judged on) and before them (what the patient takes now), with
 * whether opioid therapy is recorded as current on each side (a stop order ends it).
 */
export function computeMme(before: readonly Medication[], after: readonly Medication[], opioidTherapyCurrent: { before: boolean; after: boolean }): MmeResult {
  const total = totalMme(after, opioidTherapyCurrent.after);
  const currentPerDay = before === after ? total.totalPerDay : totalMme(before, opioidTherapyCurrent.before).totalPerDay;
  return { totalPerDay: total.totalPerDay, currentPerDay, computable: total.computable, computedPerDay: total.computedPerDay, items: total.items, factorTable: MME_FACTOR_TABLE };
}

/** Buprenorphine, or medication for opioid use disorder: an opioid the total leaves out by design, not for want of a dose. */
const leftOutByDesign = (item: MmeItem) => item.computable && item.mmePerDay === null;

/**
 * An opioid's daily MME in words, the same on the panel and in the signed record: one left out by design is "not
 * counted in MME", which is not the same as a dose that cannot be worked out.
 */
export function mmeItemText(item: MmeItem): string {
  if (leftOutByDesign(item)) return "not counted in MME";
  return item.mmePerDay === null ? "MME not computable" : `${item.mmePerDay} MME/day`;
}

/** The opioids taken that the total leaves out by design, for a total that would otherwise read as the whole dose. */
export function notCountedInMme(mme: Pick<MmeResult, "items">): string[] {
  return mme.items.filter(leftOutByDesign).map((item) => item.drug);
}
