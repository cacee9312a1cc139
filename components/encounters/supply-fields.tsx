"use client";

import { followSupply, type SupplyDraft } from "@/lib/encounters/supply";
import type { Medication } from "@/lib/ladder/assessment-schema";
import { NumberField } from "./form-controls";

type Props = { id: string; medication: Pick<Medication, "drug" | "form" | "dosesPerDay">; supply: SupplyDraft | undefined; onChange: (supply: SupplyDraft) => void };

/** Quantity and days' supply of a prescription: filled in from the sig, and a quantity typed by hand is kept. */
export function SupplyFields({ id, medication, supply, onChange }: Props) {
  return (
    <>
      <NumberField id={`${id}-quantity`} label="Quantity" value={supply?.quantity} min={1} onChange={(quantity) => onChange({ ...supply, quantity })} />
      <NumberField id={`${id}-days`} label="Days' supply" value={supply?.daysSupply} min={1} max={365} onChange={(daysSupply) => onChange(followSupply(supply, medication, medication, daysSupply))} />
    </>
  );
}
