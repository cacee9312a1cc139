import { describe, expect, it } from "vitest";
import { run } from "../../tests/support/assessment";
import { gradeLevel } from "../../tests/support/readability";
import { buildPatientPlan, type PatientPlan } from "./patient-plan";

type PlanOrder = Parameters<typeof buildPatientPlan>[1]["orders"][number];

type Clinic = { name: string; phone: string | null; address: string | null };
const CLINIC: Clinic = { name: "Riverside Physical Therapy", phone: "(555) 010-4200", address: "42 River Road, Suite 2" };

const plan = (overrides: Parameters<typeof run>[0], accepted: string[] = [], orders: PlanOrder[] = [], ptClinic: Clinic | null = CLINIC) => {
  const recommendation = run(overrides);
  return buildPatientPlan(recommendation, { working: false, ptClinic, orders, decisions: accepted.map((itemKey) => ({ target: "suggestion" as const, itemKey, response: "accepted" as const })) });
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

  it("follows the taper plan ordered at the visit, with the schedule as signed", () => {
    const onOpioid = { medications: [{ drug: "oxycodone" as const, doseMg: 20, dosesPerDay: 4 }], treatments: [{ therapy: "opioid" as const, status: "current" as const, weeks: 80, response: "none" as const }] };
    const signed = run(onOpioid).taperSchedule;
    const ordered = plan(onOpioid, [], [{ kind: "taper_plan", code: "opioid-taper-plan", medicationAction: null, detail: signed }]).opioidReduction;
    expect(ordered?.steps[0]).toBe("Week 4: 90% of your dose today (oxycodone 72 mg a day).");
  });

  it("says what to do with each medicine ordered, in plain words", () => {
    const medicine = (medicationAction: PlanOrder["medicationAction"], detail: object): PlanOrder => ({ kind: "medication", code: (detail as { drug: string }).drug, medicationAction, detail });
    const visit = plan({}, [], [
      medicine("new", { drug: "naproxen", doseMg: 250, dosesPerDay: 2, prn: true }),
      medicine("continue", { drug: "duloxetine", doseMg: 60, dosesPerDay: 1 }),
      { ...medicine("change", { drug: "oxycodone", doseMg: 5, dosesPerDay: 3 }), supply: { quantity: 42, daysSupply: 14 } },
      medicine("stop", { drug: "cyclobenzaprine" }),
      medicine("continue", { drug: "fentanyl", mcgPerHour: 12 }),
    ]);
    expect(visit.medicines).toEqual([
      "Start naproxen: 250 mg, only when you need it, at most twice a day.",
      "Keep taking duloxetine: 60 mg, once a day.",
      "Change oxycodone to the new dose: 5 mg, 3 times a day. You get enough for 14 days.",
      "Stop cyclobenzaprine.",
      "Keep taking fentanyl: a 12 mcg/h patch.",
    ]);
    expect(visit.naloxone).toBeNull();
    expect(visit.ptReferral).toBe(false);
  });

  it("explains naloxone and physical therapy when they were ordered", () => {
    const visit = plan({}, [], [
      { kind: "naloxone", code: "naloxone", medicationAction: null, detail: {} },
      { kind: "pt_referral", code: "physical-therapy", medicationAction: null, detail: {} },
    ]);
    expect(visit.naloxone).toMatch(/reverses an opioid overdose.*call emergency services/);
    expect(visit.ptReferral).toBe(true);
    expect(visit.ptContact).toBe("We sent your referral to Riverside Physical Therapy at 42 River Road, Suite 2. They will call you to book. If you have not heard from them in a week, call them at (555) 010-4200.");
    expect(visit.medicines).toEqual([]);
    const noNumber = plan({}, [], [{ kind: "pt_referral", code: "physical-therapy", medicationAction: null, detail: {} }], { ...CLINIC, phone: null, address: null });
    expect(noNumber.ptContact).toBe("We sent your referral to Riverside Physical Therapy. They will call you to book. If you have not heard from them in a week, call us.");
  });

  it("reads at a sixth- to eighth-grade level, every part of it, for a first visit, a taper and a red flag", () => {
    const onOpioid = { medications: [{ drug: "oxycodone" as const, doseMg: 20, dosesPerDay: 4 }, { drug: "naproxen" as const, doseMg: 500, dosesPerDay: 2 }], treatments: [{ therapy: "opioid" as const, status: "current" as const, weeks: 80, response: "none" as const }] };
    const textOf = (p: PatientPlan) => [
      p.nextStep.why, p.ptContact ?? "", p.dailyHabit, p.tracking, ...p.medicines, p.naloxone ?? "", p.opioidSafety ?? "",
      ...(p.opioidReduction ? [p.opioidReduction.pace, ...p.opioidReduction.steps, p.opioidReduction.review, p.opioidReduction.pauses, ...p.opioidReduction.ifWithdrawal, ...p.opioidReduction.safety] : []),
      ...p.avoid, ...p.comeBack,
    ].filter(Boolean);
    const taper = run(onOpioid).taperSchedule;
    const plans = [
      plan({}, [], [{ kind: "pt_referral", code: "physical-therapy", medicationAction: null, detail: { goals: "Walk 30 minutes" } }]),
      plan(onOpioid, [], [
        { kind: "taper_plan", code: "opioid-taper-plan", medicationAction: null, detail: taper },
        { kind: "naloxone", code: "naloxone", medicationAction: null, detail: {} },
        { kind: "medication", code: "naproxen", medicationAction: "stop", detail: { drug: "naproxen" } },
      ]),
      plan({ redFlags: ["saddle-anesthesia"] }),
    ];
    for (const each of plans) {
      const parts = textOf(each);
      expect(gradeLevel(parts.join("\n"))).toBeLessThanOrEqual(8);
      for (const part of parts) expect(Math.round(gradeLevel(part)), part).toBeLessThanOrEqual(10);
    }
    expect(plans[1]?.opioidSafety).toMatch(/do not drink alcohol/);
    expect(plans[1]?.opioidReduction?.ifWithdrawal.join(" ")).not.toMatch(/clonidine|lofexidine|loperamide|ondansetron|antiemetic/);
    expect(plans[0]?.opioidSafety).toBeNull();
    expect(plans[0]?.ptGoals).toBe("Walk 30 minutes");
  });
});
