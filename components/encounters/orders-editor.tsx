"use client";

import { useState } from "react";
import { recommend } from "@/lib/ladder/evaluate";
import type { Recommendation } from "@/lib/ladder/recommendation";
import type { OrderInput } from "@/lib/encounters/sign-input";
import { orderText, orderView, withDraftedOrders } from "@/lib/encounters/visit-orders";
import { DRUGS, drugClass, MEDICATION_FORMS, type DrugId } from "@/lib/ladder/vocabulary";
import type { AssessmentDraft } from "./assessment-form";
import { decisionKey, type DecisionDraft } from "./decision-types";
import { CheckControl, FormSection, NumberField, SelectControl } from "./form-controls";
import { RecommendationPanel } from "./recommendation-panel";
import { SupplyFields } from "./supply-fields";
import { completeSupply, defaultSupply, followSupply, type SupplyDraft } from "@/lib/encounters/supply";

type MedicationDraft = { drug: DrugId; form?: "ir" | "er" | "patch"; doseMg?: number; dosesPerDay?: number; mcgPerHour?: number; prn?: boolean };

type Props = {
  assessment: AssessmentDraft;
  orders: OrderInput[];
  onOrdersChange: (orders: OrderInput[]) => void;
  current: Recommendation | null;
  decisions: Record<string, DecisionDraft>;
  onDecide: (decision: DecisionDraft) => void;
};

/**
 * New orders: medicines, naloxone, a urine drug test, PT, imaging, injections and referrals. Every order goes through
 * the engine before it is added: a medicine re-runs it with the order included (what the order raises is shown, and a
 * critical alert holds the order until answered); any other order is checked against what the engine says to avoid.
 */
export function OrdersEditor({ assessment, orders, onOrdersChange, current, decisions, onDecide }: Props) {
  const [medication, setDraftMedication] = useState<MedicationDraft | null>(null);
  const [supply, setSupply] = useState<SupplyDraft>({});
  const setMedication = (next: MedicationDraft | null) => {
    setSupply(next === null ? {} : medication === null ? defaultSupply(next) : followSupply(supply, medication, next));
    setDraftMedication(next);
  };
  const dispensed = completeSupply(supply);
  // One referral to physical therapy a visit: once drafted (by the button or by accepting the suggestion), the goals
  // field writes its goals.
  const ptReferral = orders.find((o): o is Extract<OrderInput, { kind: "pt_referral" }> => o.kind === "pt_referral");
  const setReferralGoals = (text: string) => onOrdersChange(orders.map((o) => (o === ptReferral ? { kind: "pt_referral", priority: ptReferral.priority, ...(text.trim() ? { goals: text } : {}) } : o)));
  const [goals, setGoals] = useState("");
  const [other, setOther] = useState<OtherOrderDraft | null>(null);
  const preview = medication ? recommend(withDraftedOrders(assessment, [...orders, { kind: "medication", action: "new", medication }])) : null;
  const previewed = preview?.ok ? preview.recommendation : null;
  const opioid = medication !== null && drugClass(medication.drug) === "opioid";
  // An order the medication list cannot take (the same medicine ordered twice, say) is refused before it is added.
  const orderIssues = preview && !preview.ok ? preview.error.issues.filter((issue) => issue.path.startsWith("orders.")) : [];
  const known = new Set(current?.alerts.map((a) => a.code) ?? []);
  const raised = previewed?.alerts.filter((a) => !known.has(a.code)) ?? [];
  const newCritical = raised.filter((a) => a.severity === "critical");
  const otherAvoided = other ? current?.avoid.find((entry) => entry.therapy === other.code) : undefined;
  const onOpioid = (current?.mme.items.length ?? 0) > 0;
  const unanswered = newCritical.filter((alert) => {
    const decision = decisions[decisionKey("alert", alert.code)];
    if (!decision) return true;
    return decision.response === "overridden" && (!decision.reasonCode || !decision.comment?.trim());
  });

  return (
    <FormSection title="Orders">
      <ul className="space-y-1 text-sm" aria-label="Orders in this visit">
        {orders.map((order, index) => (
          <li key={index} className="flex items-center justify-between rounded border border-line px-2 py-1">
            <span>{orderText(orderView(order))}</span>
            <button type="button" className="text-xs text-critical underline" onClick={() => onOrdersChange(orders.filter((_, i) => i !== index))}>
              Remove
            </button>
          </li>
        ))}
        {orders.length === 0 && <li className="text-muted">No orders yet.</li>}
      </ul>

      <div className="flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor="pt-goals" className="block text-xs font-medium">
            PT referral goals
          </label>
          <input
            id="pt-goals"
            aria-describedby="pt-goals-hint"
            value={ptReferral ? (ptReferral.goals ?? "") : goals}
            onChange={(e) => (ptReferral ? setReferralGoals(e.target.value) : setGoals(e.target.value))}
            className="mt-1 block w-64 rounded border border-line px-2 py-1 text-sm"
          />
          <p id="pt-goals-hint" className="text-xs text-muted">
            For example: walk 30 minutes without pain.
          </p>
        </div>
        {!ptReferral && (
          <button
            type="button"
            className="rounded border border-brand px-3 py-1 text-sm text-brand"
            onClick={() => {
              onOrdersChange([...orders, { kind: "pt_referral", priority: "routine", ...(goals.trim() ? { goals: goals.trim() } : {}) }]);
              setGoals("");
            }}
          >
            Refer to physical therapy
          </button>
        )}
        {!medication && (
          <button type="button" className="rounded border border-line px-3 py-1 text-sm" onClick={() => setMedication({ drug: "naproxen", doseMg: 500, dosesPerDay: 2 })}>
            Order a medication
          </button>
        )}
        {!other && (
          <button type="button" className="rounded border border-line px-3 py-1 text-sm" onClick={() => setOther({ kind: "imaging", code: "imaging", reason: "" })}>
            Imaging, injection or specialist
          </button>
        )}
        {onOpioid && !orders.some((o) => o.kind === "naloxone") && (
          <button type="button" className="rounded border border-line px-3 py-1 text-sm" onClick={() => onOrdersChange([...orders, { kind: "naloxone" }])}>
            Order naloxone
          </button>
        )}
        {onOpioid && !orders.some((o) => o.kind === "urine_drug_test") && (
          <button type="button" className="rounded border border-line px-3 py-1 text-sm" onClick={() => onOrdersChange([...orders, { kind: "urine_drug_test" }])}>
            Order a urine drug test
          </button>
        )}
      </div>

      {other && (
        <div className="grid grid-cols-4 items-end gap-2 rounded border border-line p-3" aria-label="Other order">
          <SelectControl id="other-kind" label="Order" value={other.kind} options={OTHER_KINDS} onChange={(kind) => kind && setOther({ kind, code: OTHER_CODES[kind][0], reason: other.reason })} />
          <SelectControl id="other-code" label="What" value={other.code} options={OTHER_CODES[other.kind]} onChange={(code) => code && setOther({ ...other, code })} />
          <div>
            <label htmlFor="other-reason" className="block text-xs font-medium">
              Reason
            </label>
            <input id="other-reason" value={other.reason} onChange={(e) => setOther({ ...other, reason: e.target.value })} className="mt-1 block w-full rounded border border-line px-2 py-1 text-sm" />
          </div>
          {otherAvoided && (
            <p role="status" className="col-span-4 rounded border border-warning/40 bg-amber-50 p-2 text-sm">
              <span className="font-medium">Advised against for this patient:</span> {otherAvoided.reason}
            </p>
          )}
          <button
            type="button"
            disabled={!other.reason.trim()}
            className="rounded bg-brand px-3 py-1 text-sm text-white disabled:opacity-50"
            onClick={() => {
              onOrdersChange([...orders, toOrder(other)]);
              setOther(null);
            }}
          >
            Add order
          </button>
          <button type="button" className="rounded border border-line px-3 py-1 text-sm" onClick={() => setOther(null)}>
            Cancel
          </button>
        </div>
      )}

      {medication && (
        <div className="space-y-2 rounded border border-line p-3" aria-label="Medication order">
          <div className="grid grid-cols-4 items-end gap-2 sm:grid-cols-7">
            <SelectControl id="order-drug" label="Drug" value={medication.drug} options={DRUGS} onChange={(drug) => drug && setMedication({ ...medication, drug })} />
            <SelectControl id="order-form" label="Form" value={medication.form} options={MEDICATION_FORMS} blank="—" onChange={(form) => setMedication({ ...medication, form })} />
            <NumberField id="order-dose" label="Dose (mg)" value={medication.doseMg} min={0} step={0.5} onChange={(doseMg) => setMedication({ ...medication, doseMg })} />
            <NumberField id="order-per-day" label={medication.prn ? "Max doses/day" : "Doses/day"} value={medication.dosesPerDay} min={0} onChange={(dosesPerDay) => setMedication({ ...medication, dosesPerDay })} />
            <CheckControl label="PRN" checked={medication.prn === true} onChange={(prn) => setMedication({ ...medication, prn })} />
            <SupplyFields id="order" medication={medication} supply={supply} onChange={setSupply} />
          </div>
          {previewed && (opioid || raised.length > 0) && (
            <div role="status" className="rounded border border-warning/40 bg-amber-50 p-2 text-sm">
              {opioid && (
                <p className="font-medium">
                  With this order: {previewed.mme.computable ? `${previewed.mme.totalPerDay} MME/day` : `MME not computable (at least ${previewed.mme.computedPerDay})`}
                </p>
              )}
              {raised.length > 0 && <p>This order raises:</p>}
              {raised.length > 0 && (
                <RecommendationPanel recommendation={{ ...previewed, next: [], avoid: [], profileDifferences: [], alerts: raised }} decisions={decisions} onDecide={onDecide} />
              )}
            </div>
          )}
          <div className="flex gap-2">
            <button
              type="button"
              disabled={unanswered.length > 0 || orderIssues.length > 0 || !dispensed}
              className="rounded bg-brand px-3 py-1 text-sm text-white disabled:opacity-50"
              onClick={() => {
                if (!dispensed) return;
                onOrdersChange([...orders, { kind: "medication", action: "new", medication, supply: dispensed }]);
                setMedication(null);
              }}
            >
              Add medication order
            </button>
            <button type="button" className="rounded border border-line px-3 py-1 text-sm" onClick={() => setMedication(null)}>
              Cancel
            </button>
            {orderIssues.map((issue) => (
              <p key={issue.message} role="alert" className="text-sm text-critical">
                {issue.message}
              </p>
            ))}
            {!dispensed && <p className="text-sm text-critical">Enter the quantity to dispense and the days it covers.</p>}
            {unanswered.length > 0 && <p className="text-sm text-critical">Acknowledge or override each critical alert (a comment is required to override) before adding this order.</p>}
          </div>
        </div>
      )}
    </FormSection>
  );
}

const OTHER_KINDS = ["imaging", "injection", "specialist_referral"] as const;
const OTHER_CODES = {
  imaging: ["imaging", "urgent-imaging"],
  injection: ["epidural-steroid-injection", "medial-branch-block", "radiofrequency-denervation", "facet-joint-injection", "spinal-cord-stimulator"],
  specialist_referral: ["spine-surgery-referral", "emergency-referral", "multidisciplinary-rehabilitation", "psychological-therapy"],
} as const;

type OtherOrderDraft = { kind: (typeof OTHER_KINDS)[number]; code: string; reason: string };

function toOrder(draft: OtherOrderDraft): OrderInput {
  const reason = draft.reason.trim();
  if (draft.kind === "imaging") return { kind: "imaging", code: draft.code as "imaging", study: draft.code === "urgent-imaging" ? "Urgent MRI lumbar spine" : "MRI lumbar spine", reason };
  if (draft.kind === "injection") return { kind: "injection", code: draft.code as "medial-branch-block", reason };
  return { kind: "specialist_referral", code: draft.code as "spine-surgery-referral", reason };
}
