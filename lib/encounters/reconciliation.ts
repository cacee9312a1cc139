import type { Medication } from "@/lib/ladder/assessment-schema";
import { drugClass } from "@/lib/ladder/vocabulary";
import type { OrderInput } from "./sign-input";
import { defaultSupply, followSupply, type SupplyDraft } from "./supply";

// Medication reconciliation at the visit: each current medicine is continued (no order), changed, stopped, or, for an
// opioid, tapered on the engine's schedule. An opioid is never simply stopped: its "stop" is a taper.

export type RowAction = "continue" | "change" | "stop" | "taper";

type MedicationOrder = Extract<OrderInput, { kind: "medication" }>;

const sameMedicine = (a: Medication, b: Medication) => a.drug === b.drug && (a.form === undefined || b.form === undefined || a.form === b.form);

/** An opioid for pain: tapered, never stopped at once. Medication for opioid use disorder is continued. */
export const isPainOpioid = (m: Medication) => drugClass(m.drug) === "opioid" && m.indication !== "opioid-use-disorder";

/** The reconciliation order for a current medicine, if any. */
export function reconciliationOrder(orders: readonly OrderInput[], medicine: Medication): MedicationOrder | undefined {
  return orders.find((o): o is MedicationOrder => o.kind === "medication" && o.action !== "new" && sameMedicine(o.medication, medicine));
}

export function rowAction(orders: readonly OrderInput[], medicine: Medication): RowAction {
  const order = reconciliationOrder(orders, medicine);
  if (order?.action === "change" || order?.action === "stop") return order.action;
  return isPainOpioid(medicine) && orders.some((o) => o.kind === "taper_plan") ? "taper" : "continue";
}

/**
 * The orders after choosing an action for one current medicine. A taper is one plan for every opioid for pain on the
 * list (the engine's schedule covers them all, reduced one at a time): choosing anything else for an opioid ends it.
 * A change is a new prescription: its supply starts from the sig and follows it, unless one is given.
 */
export function withRowAction(orders: readonly OrderInput[], medicine: Medication, action: RowAction, changedTo?: Medication, supply?: SupplyDraft): OrderInput[] {
  const previous = reconciliationOrder(orders, medicine);
  const others = orders.filter((o) => !(o.kind === "medication" && o.action !== "new" && sameMedicine(o.medication, medicine)));
  const next: OrderInput[] = [...others];
  if (action === "change") {
    const to = changedTo ?? medicine;
    const followed = previous?.action === "change" ? followSupply(previous.supply, previous.medication, to) : defaultSupply(to);
    next.push({ kind: "medication", action: "change", medication: to, supply: supply ?? followed });
  }
  if (action === "stop") next.push({ kind: "medication", action: "stop", medication: { drug: medicine.drug, ...(medicine.form ? { form: medicine.form } : {}) } });
  const taperWanted = action === "taper" || (!isPainOpioid(medicine) && orders.some((o) => o.kind === "taper_plan"));
  const withoutTaper = next.filter((o) => o.kind !== "taper_plan");
  return taperWanted ? [...withoutTaper, { kind: "taper_plan" }] : withoutTaper;
}
