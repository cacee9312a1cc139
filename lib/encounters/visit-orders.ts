import type { Medication, MedicationOrder } from "@/lib/ladder/assessment-schema";
import { reconcileOrders } from "@/lib/ladder/reconcile-orders";
import type { FieldIssue } from "@/lib/errors";
import type { OrderInput } from "./sign-input";
import { completeSupply, supplyText, type Supply } from "./supply";

type EngineView = { orders?: MedicationOrder[]; opioidSafety?: Record<string, unknown> };

/**
 * The assessment as the engine should judge it with this visit's orders: medication orders become contract 1.1
 * orders (a medicine already taken and ordered again is a renewal, counted once; continue, change and stop apply to
 * the current list), naloxone ordered now is naloxone on hand, and a urine drug test ordered now is a test not due.
 * The assessment itself, as assessed, is left as it was.
 */
export function withDraftedOrders<T extends object>(assessment: T, orders: readonly OrderInput[]): T & EngineView {
  const medicationOrders = orders.flatMap((order) => (order.kind === "medication" ? [{ action: order.action, medication: order.medication }] : []));
  const naloxone = orders.some((order) => order.kind === "naloxone");
  const drugTest = orders.some((order) => order.kind === "urine_drug_test");
  if (!medicationOrders.length && !naloxone && !drugTest) return assessment;
  const safety = (assessment as EngineView).opioidSafety ?? {};
  return {
    ...assessment,
    ...(medicationOrders.length ? { orders: medicationOrders } : {}),
    ...(naloxone || drugTest ? { opioidSafety: { ...safety, ...(naloxone ? { naloxoneOnHand: true } : {}), ...(drugTest ? { urineDrugTestDaysAgo: 0 } : {}) } } : {}),
  };
}

/** The engine numbers medication orders among themselves; the visit numbers all its orders. Issues name the visit's. */
export function toVisitOrderIssues(issues: readonly FieldIssue[], orders: readonly OrderInput[]): FieldIssue[] {
  const visitIndex = orders.flatMap((order, index) => (order.kind === "medication" ? [index] : []));
  return issues.map((issue) => ({ path: issue.path.replace(/^orders\.(\d+)/, (_, n: string) => `orders.${visitIndex[Number(n)]}`), message: issue.message }));
}

/** The contract code an order is for: the drug, or the therapy (naloxone, a urine drug test, a taper plan, PT...). */
export function orderCode(order: OrderInput): string {
  switch (order.kind) {
    case "medication":
      return order.medication.drug;
    case "pt_referral":
      return "physical-therapy";
    case "naloxone":
      return "naloxone";
    case "urine_drug_test":
      return "urine-drug-test";
    case "taper_plan":
      return "opioid-taper-plan";
    default:
      return order.code;
  }
}

/** A medication's sig in words: form, dose or patch strength, doses a day, as needed. */
export function sigText(m: { form?: string; doseMg?: number; dosesPerDay?: number; mcgPerHour?: number; prn?: boolean }): string {
  const parts = [m.form, m.mcgPerHour !== undefined ? `${m.mcgPerHour} mcg/h` : m.doseMg !== undefined ? `${m.doseMg} mg` : null, m.dosesPerDay !== undefined ? `× ${m.dosesPerDay}/day` : null, m.prn ? "as needed" : null];
  return parts.filter(Boolean).join(" ");
}

/** What a naloxone order prescribes: one product, the same in the draft, the signed record and the patient's plan. */
export const NALOXONE_ORDER = { product: "naloxone nasal spray 4 mg", quantity: "2 devices", instructions: "Show the patient and household how to use it; call emergency services after giving it." };

/** An order as both the draft and the signed record show it. */
export type OrderView = { kind: string; code: string; medicationAction: string | null; detail: unknown; supply: Supply | null };

export const orderView = (order: OrderInput): OrderView => ({
  kind: order.kind,
  code: orderCode(order),
  medicationAction: order.kind === "medication" ? order.action : null,
  detail: order.kind === "medication" ? order.medication : order.kind === "naloxone" ? NALOXONE_ORDER : order,
  supply: order.kind === "medication" ? completeSupply(order.supply) : null,
});

const ACTION_WORD: Record<string, string> = { new: "New", continue: "Continue", change: "Change to", stop: "Stop" };

export function orderText(order: OrderView): string {
  const detail = (order.detail ?? {}) as Record<string, unknown>;
  switch (order.kind) {
    case "medication": {
      const line = `${ACTION_WORD[order.medicationAction ?? "new"]}: ${order.code}${order.medicationAction === "stop" ? "" : ` ${sigText(detail)}`}`.trimEnd();
      return order.supply ? `${line}; ${supplyText(order.supply, typeof detail.form === "string" ? detail.form : undefined)}` : line;
    }
    case "naloxone":
      return `Naloxone: ${String(detail.product ?? NALOXONE_ORDER.product)}, ${String(detail.quantity ?? NALOXONE_ORDER.quantity)}`;
    case "urine_drug_test":
      return "Urine drug test";
    case "taper_plan": {
      const steps = Array.isArray(detail.steps) ? (detail.steps as { week: number; mmePerDay: number | null }[]) : [];
      const last = steps[steps.length - 1];
      return typeof detail.paceReason === "string" && last
        ? `Opioid taper plan: ${detail.pace === "weekly" ? "10% of the starting dose a week" : "10% of the starting dose every 4 weeks"}, to half by week ${last.week}${last.mmePerDay !== null ? ` (${last.mmePerDay} MME/day)` : ""}`
        : "Opioid taper plan on the engine's schedule";
    }
    case "pt_referral":
      return `Physical therapy referral (${String(detail.priority ?? "routine")})${typeof detail.goals === "string" ? `: ${detail.goals}` : ""}`;
    case "imaging":
      return `Imaging: ${String(detail.study ?? order.code)}${typeof detail.reason === "string" ? `, for ${detail.reason}` : ""}`;
    default:
      return `${order.code.replace(/-/g, " ")}${typeof detail.level === "string" ? ` ${detail.level}` : ""}${typeof detail.reason === "string" ? `, for ${detail.reason}` : ""}`;
  }
}

/** A stored medication order (its action and the sig in its detail) as the contract's order. */
export const storedMedicationOrder = (row: { medicationAction: MedicationOrder["action"] | null; detail: unknown }): MedicationOrder => ({
  action: row.medicationAction ?? "new",
  medication: row.detail as Medication,
});

/** The medicines a signed visit left the patient on: the list as assessed with that visit's medication orders applied. */
export function reconciledMedications(assessed: readonly Medication[] | undefined, orders: readonly MedicationOrder[]): Medication[] {
  return reconcileOrders(assessed ?? [], orders).medications;
}
