import type { MedicationOrder } from "@/lib/ladder/assessment-schema";
import type { FieldIssue } from "@/lib/errors";
import type { OrderInput } from "./sign-input";

/**
 * The assessment as the engine should judge it while orders are drafted: each medication order is a contract 1.1
 * "new" order, so an opioid's MME and critical alerts show before it is saved, and re-ordering a medicine the patient
 * already takes renews it (counted once) instead of adding it a second time.
 */
export function withDraftedOrders<T extends object>(assessment: T, orders: readonly OrderInput[]): T & { orders?: MedicationOrder[] } {
  const drafted = orders.flatMap((order) => (order.kind === "medication" ? [{ action: "new" as const, medication: order.medication }] : []));
  return drafted.length ? { ...assessment, orders: drafted } : assessment;
}

/** The engine numbers medication orders among themselves; the visit numbers all its orders. Issues name the visit's. */
export function toVisitOrderIssues(issues: readonly FieldIssue[], orders: readonly OrderInput[]): FieldIssue[] {
  const visitIndex = orders.flatMap((order, index) => (order.kind === "medication" ? [index] : []));
  return issues.map((issue) => ({ path: issue.path.replace(/^orders\.(\d+)/, (_, n: string) => `orders.${visitIndex[Number(n)]}`), message: issue.message }));
}
