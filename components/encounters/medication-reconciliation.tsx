"use client";

import { useMemo } from "react";
import { assessmentSchema, type Medication } from "@/lib/ladder/assessment-schema";
import { mmeOfMedication } from "@/lib/ladder/mme";
import { taperScheduleFor } from "@/lib/ladder/taper-schedule";
import { gradualStop } from "@/lib/ladder/gradual-stop";
import { capitalized } from "@/lib/ladder/wording";
import { isPainOpioid, reconciliationOrder, rowAction, withRowAction, type RowAction } from "@/lib/encounters/reconciliation";
import type { OrderInput } from "@/lib/encounters/sign-input";
import { sigText, withDraftedOrders } from "@/lib/encounters/visit-orders";
import type { AssessmentDraft } from "./assessment-form";
import { FormSection, NumberField } from "./form-controls";
import { taperProgressText, type TaperProgress } from "@/lib/encounters/taper-progress";
import { SupplyFields } from "./supply-fields";
import { TaperScheduleDetails } from "./taper-schedule-details";

type Props = { assessment: AssessmentDraft; orders: OrderInput[]; onOrdersChange: (orders: OrderInput[]) => void; taperInForce: TaperProgress | null };

const LABEL: Record<RowAction, string> = { continue: "Continue", change: "Change dose", stop: "Stop", taper: "Taper gradually" };

/**
 * Every current medicine gets a decision at the visit: continue, change the dose, stop, or (an opioid) taper gradually.
 * A taper agreed at an earlier visit shows the step due today, so the dose can be set to it.
 */
export function MedicationReconciliation({ assessment, orders, onOrdersChange, taperInForce }: Props) {
  const medications = (assessment.medications ?? []) as Medication[];
  const taper = useMemo(() => {
    if (!orders.some((o) => o.kind === "taper_plan")) return null;
    const parsed = assessmentSchema.safeParse(withDraftedOrders(assessment, orders));
    return parsed.success ? taperScheduleFor(parsed.data) : null;
  }, [assessment, orders]);
  if (!medications.length) return null;
  return (
    <FormSection title="Medicines this visit">
      {taperInForce && (
        <div role="note" aria-label="Taper in force" className="rounded border border-line bg-canvas p-2 text-sm">
          <p>
            <span className="font-medium">Taper in force:</span> {taperProgressText(taperInForce)}.
          </p>
          <TaperScheduleDetails schedule={taperInForce.schedule} />
        </div>
      )}
      <ul className="space-y-2" aria-label="Medication reconciliation">
        {medications.map((medicine, index) => {
          const action = rowAction(orders, medicine);
          const stopAdvice = action === "stop" ? gradualStop(medicine.drug) : null;
          const opioid = isPainOpioid(medicine);
          const options: RowAction[] = ["continue", "change", opioid ? "taper" : "stop"];
          const order = reconciliationOrder(orders, medicine);
          const changed = order?.medication ?? medicine;
          const mme = opioid ? mmeOfMedication(medicine)?.mmePerDay : null;
          const change = (patch: Partial<Medication>) => onOrdersChange(withRowAction(orders, medicine, "change", { ...changed, ...patch }));
          return (
            <li key={index} className="rounded border border-line p-2 text-sm">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <span>
                  <span className="font-medium">{medicine.drug}</span> {sigText(medicine)}
                  {mme != null && <span className="ml-1 font-mono text-xs">{mme} MME/day</span>}
                  {medicine.indication === "opioid-use-disorder" && <span className="ml-1 text-xs text-muted">for opioid use disorder: continued</span>}
                </span>
                <label className="flex items-center gap-1 text-xs">
                  This visit
                  <select
                    aria-label={`This visit: ${medicine.drug}`}
                    className="rounded border border-line bg-white px-2 py-1 text-sm"
                    value={action}
                    onChange={(e) => onOrdersChange(withRowAction(orders, medicine, e.target.value as RowAction))}
                  >
                    {options.map((option) => (
                      <option key={option} value={option}>
                        {LABEL[option]}
                      </option>
                    ))}
                  </select>
                </label>
              </div>
              {action === "change" && (
                <div className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-4">
                  {medicine.form === "patch" ? (
                    <NumberField id={`reconcile-${index}-mcg`} label="New patch (mcg/h)" value={changed.mcgPerHour} min={0} onChange={(mcgPerHour) => change({ mcgPerHour })} />
                  ) : (
                    <NumberField id={`reconcile-${index}-dose`} label="New dose (mg)" value={changed.doseMg} min={0} step={0.5} onChange={(doseMg) => change({ doseMg })} />
                  )}
                  <NumberField id={`reconcile-${index}-per-day`} label="New doses/day" value={changed.dosesPerDay} min={0} onChange={(dosesPerDay) => change({ dosesPerDay })} />
                  <SupplyFields id={`reconcile-${index}`} medication={changed} supply={order?.supply} onChange={(supply) => onOrdersChange(withRowAction(orders, medicine, "change", changed, supply))} />
                </div>
              )}
              {stopAdvice && <p className="mt-1 text-xs text-warning">{capitalized(stopAdvice.why)}; say how in the plan.</p>}
              {action === "taper" && <p className="mt-1 text-xs text-muted">One gradual plan for every opioid on the list, reduced one at a time; nothing is stopped at once.</p>}
            </li>
          );
        })}
      </ul>
      {taper && <TaperScheduleDetails schedule={taper} />}
    </FormSection>
  );
}
