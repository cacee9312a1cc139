import type { Medication, MedicationOrder } from "./assessment-schema";

// This visit's medication orders applied to the current list (contract 1.1). An order refers to the current medicine
// with the same drug, and the same form when both give one. "new" for a medicine already taken is a renewal: it
// counts once, with the order's sig. Everything the engine judges is judged on the list these orders leave.

export type OrderIssue = { index: number; message: string };

export type ReconciledMedications = {
  /** The medication list after the orders. */
  medications: Medication[];
  /** Medicines the orders add (not renewals): what is being considered at this visit. */
  added: Medication[];
  /** Current medicines a stop order takes off the list, as they were taken. */
  stopped: Medication[];
  /** Current medicines a change order (or a renewal) gives a new sig: as they were taken, and as ordered. */
  changed: { before: Medication; after: Medication }[];
  /** One line per order saying what it did, for the trace. */
  notes: string[];
  issues: OrderIssue[];
};

const describe = (m: Medication) => `${m.drug}${m.form ? ` (${m.form})` : ""}`;

/** Indexes of current medicines an order could mean; an exact form match wins over a medicine whose form is unknown. */
function candidates(current: readonly Medication[], ordered: Medication): number[] {
  const found: number[] = [];
  const exact: number[] = [];
  current.forEach((m, index) => {
    if (m.drug !== ordered.drug) return;
    if (ordered.form !== undefined && m.form === ordered.form) exact.push(index);
    if (ordered.form === undefined || m.form === undefined || m.form === ordered.form) found.push(index);
  });
  return exact.length ? exact : found;
}

const sameProduct = (a: Medication, b: Medication) => a.drug === b.drug && (a.form === undefined || b.form === undefined || a.form === b.form);

/**
 * The current medicine with the order's sig; form and indication carry over when the order does not give them.
 * Every field is written, in the schema's order, so the result has the shape of a parsed medication.
 */
function withOrderedSig(current: Medication, ordered: Medication): Medication {
  return {
    drug: current.drug,
    form: ordered.form ?? current.form,
    doseMg: ordered.doseMg,
    dosesPerDay: ordered.dosesPerDay,
    mcgPerHour: ordered.mcgPerHour,
    prn: ordered.prn,
    indication: ordered.indication ?? current.indication,
  };
}

export function reconcileOrders(current: readonly Medication[], orders: readonly MedicationOrder[]): ReconciledMedications {
  const kept: (Medication | null)[] = [...current];
  const claimedBy = new Map<number, number>();
  const added: Medication[] = [];
  const stopped: Medication[] = [];
  const changed: { before: Medication; after: Medication }[] = [];
  const notes: string[] = [];
  const issues: OrderIssue[] = [];

  orders.forEach((order, index) => {
    const ordered = order.medication;
    const matches = candidates(current, ordered);
    if (matches.length > 1) {
      const forms = matches.map((i) => current[i]?.form ?? "form not given").join(", ");
      issues.push({ index, message: `more than one current ${ordered.drug} is listed (${forms}): give the order's form (ir, er or patch) to say which it is for` });
      return;
    }
    const target = matches[0];
    if (target === undefined) {
      if (order.action !== "new") {
        issues.push({ index, message: `"${order.action}" needs a current ${describe(ordered)} to apply to, and none is listed: use "new" to add a medicine` });
        return;
      }
      if (added.some((medicine) => sameProduct(medicine, ordered))) {
        issues.push({ index, message: `${describe(ordered)} is already ordered at this visit: one order per medicine` });
        return;
      }
      added.push(ordered);
      notes.push(`orders.${index}: new ${describe(ordered)} added to the list`);
      return;
    }
    const earlier = claimedBy.get(target);
    const medicine = current[target] as Medication;
    if (earlier !== undefined) {
      issues.push({ index, message: `the current ${describe(medicine)} already has an order at this visit: one order per medicine` });
      return;
    }
    claimedBy.set(target, index);
    switch (order.action) {
      case "continue":
        notes.push(`orders.${index}: ${describe(medicine)} continued as it is`);
        break;
      case "stop":
        kept[target] = null;
        stopped.push(medicine);
        notes.push(`orders.${index}: ${describe(medicine)} taken off the list`);
        break;
      case "change":
        kept[target] = withOrderedSig(medicine, ordered);
        changed.push({ before: medicine, after: kept[target] });
        notes.push(`orders.${index}: ${describe(medicine)} changed to the order's sig`);
        break;
      case "new":
        kept[target] = withOrderedSig(medicine, ordered);
        changed.push({ before: medicine, after: kept[target] });
        notes.push(`orders.${index}: ${describe(medicine)} is already taken, so the new order is a renewal and counts once, with the order's sig`);
        break;
    }
  });

  return { medications: [...kept.filter((m): m is Medication => m !== null), ...added], added, stopped, changed, notes, issues };
}

/** What is wrong with the orders against the current list, for the schema to report under `orders.N`. */
export function orderIssues(current: readonly Medication[], orders: readonly MedicationOrder[]): OrderIssue[] {
  return reconcileOrders(current, orders).issues;
}
