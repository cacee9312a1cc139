import type { Medication } from "@/lib/ladder/assessment-schema";

// What a prescription dispenses: a quantity (tablets, capsules or patches) and the days it is meant to last. Written
// at the visit for a new, renewed or changed medicine; a continued or stopped medicine dispenses nothing.

export type Supply = { quantity: number; daysSupply: number };
/** A supply while it is being written: either part may still be blank. */
export type SupplyDraft = { quantity?: number; daysSupply?: number };

/** The days' supply a prescription starts from: a month, the usual interval for reviewing a chronic pain medicine. */
export const DEFAULT_DAYS_SUPPLY = 30;

/** Days one patch is worn: fentanyl is changed every 3 days, a buprenorphine patch every 7. */
const PATCH_DAYS: Record<string, number> = { fentanyl: 3, buprenorphine: 7 };

type Sig = Pick<Medication, "drug" | "form" | "dosesPerDay">;

/**
 * The quantity that covers the days at the sig: doses a day times days (the most a day for "as needed"), or one patch
 * per patch interval. Unknown (undefined) when the sig does not say how often, so the prescriber enters it.
 */
export function quantityFor(medication: Sig, daysSupply: number | undefined): number | undefined {
  if (daysSupply === undefined) return undefined;
  if (medication.form === "patch") {
    const wear = PATCH_DAYS[medication.drug];
    return wear ? Math.ceil(daysSupply / wear) : undefined;
  }
  return medication.dosesPerDay !== undefined ? Math.ceil(medication.dosesPerDay * daysSupply) : undefined;
}

/** The supply a prescription for this medicine starts with: a month, and the quantity the sig needs for it. */
export function defaultSupply(medication: Sig): SupplyDraft {
  return { daysSupply: DEFAULT_DAYS_SUPPLY, quantity: quantityFor(medication, DEFAULT_DAYS_SUPPLY) };
}

/**
 * The supply after the sig or the days change: a quantity worked out from the sig follows it, one typed by hand stays.
 * `before` is the sig the current quantity was written for.
 */
export function followSupply(supply: SupplyDraft | undefined, before: Sig, after: Sig, daysSupply = supply?.daysSupply): SupplyDraft {
  const current = supply ?? {};
  const derived = current.quantity === undefined || current.quantity === quantityFor(before, current.daysSupply);
  return { daysSupply, quantity: derived ? quantityFor(after, daysSupply) : current.quantity };
}

/** A supply with both parts given, as it is signed; null while either is blank. */
export function completeSupply(supply: SupplyDraft | undefined): Supply | null {
  return supply?.quantity !== undefined && supply.daysSupply !== undefined ? { quantity: supply.quantity, daysSupply: supply.daysSupply } : null;
}

/** "dispense 60, 30 days" in an order line; the unit is the pharmacy's (a tablet, a capsule), or patches. */
export function supplyText(supply: Supply, form?: string): string {
  const unit = form === "patch" ? (supply.quantity === 1 ? " patch" : " patches") : "";
  return `dispense ${supply.quantity}${unit}, ${supply.daysSupply} days`;
}
