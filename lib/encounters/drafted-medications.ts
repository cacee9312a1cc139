import type { OrderInput } from "./sign-input";

type WithMedications = { medications?: unknown[] };

/**
 * The assessment as the engine should see it while orders are drafted: a medication order counts as a current
 * medication, so adding an opioid shows its MME and any critical alert before the order is saved.
 */
export function withDraftedMedications<T extends WithMedications>(assessment: T, orders: readonly OrderInput[]): T {
  const drafted = orders.flatMap((order) => (order.kind === "medication" ? [order.medication] : []));
  return drafted.length ? { ...assessment, medications: [...(assessment.medications ?? []), ...drafted] } : assessment;
}
