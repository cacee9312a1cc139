import { describe, expect, it } from "vitest";
import { run } from "../../tests/support/assessment";
import { buildPatientPlan } from "./patient-plan";

const plan = (overrides: Parameters<typeof run>[0], accepted: string[] = []) => {
  const recommendation = run(overrides);
  return buildPatientPlan(recommendation, { working: false, ptReferral: false, decisions: accepted.map((itemKey) => ({ target: "suggestion" as const, itemKey, response: "accepted" as const })) });
};

describe("the patient's plan", () => {
  it("lists only what applies to the patient to avoid, in plain words", () => {
    const firstVisit = plan({});
    expect(firstVisit.avoid).toHaveLength(3);
    expect(firstVisit.avoid.join(" ")).toMatch(/Staying in bed.*Starting opioid painkillers.*Scans/);
    expect(firstVisit.avoid.join(" ")).not.toMatch(/massage|manipulation|anti-inflammatory/);
    expect(plan({ labs: { egfr: 22 } }).avoid.join(" ")).toMatch(/ibuprofen or naproxen, including ones you buy without a prescription: they are not safe for you/);
    expect(plan({ medications: [{ drug: "oxycodone", doseMg: 5, dosesPerDay: 2 }] }).avoid.join(" ")).toMatch(/Raising your opioid painkiller dose/);
  });

  it("shows the opioid reduction step by step only when the patient agreed to it", () => {
    const onOpioid = { medications: [{ drug: "oxycodone" as const, doseMg: 20, dosesPerDay: 4 }], treatments: [{ therapy: "opioid" as const, status: "current" as const, weeks: 80, response: "none" as const }] };
    expect(plan(onOpioid).opioidReduction).toBeNull();
    const agreed = plan(onOpioid, ["opioid.taper-plan/opioid-taper-plan"]).opioidReduction;
    expect(agreed?.pace).toMatch(/every 4 weeks/);
    expect(agreed?.steps[0]).toBe("Week 4: 90% of your dose today (oxycodone 72 mg a day).");
    expect(agreed?.steps).toHaveLength(5);
    expect(agreed?.safety.join(" ")).toMatch(/naloxone/);
  });
});
