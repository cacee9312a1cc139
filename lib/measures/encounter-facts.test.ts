import { describe, expect, it } from "vitest";
import { assessmentSchema, type AssessmentInput } from "@/lib/ladder/assessment-schema";
import { evaluate } from "@/lib/ladder/evaluate";
import { orderCode, withDraftedOrders } from "@/lib/encounters/visit-orders";
import type { OrderInput } from "@/lib/encounters/sign-input";
import { encounterFacts, type FactDecision } from "./encounter-facts";

const BASE: AssessmentInput = { asOf: "2026-11-27", patient: { ageYears: 52 }, pain: { durationWeeks: 26, intensity: 6 } };

function factsOf(overrides: Partial<AssessmentInput>, orders: OrderInput[] = [], decide: (shown: ReturnType<typeof evaluate>) => FactDecision[] = () => []) {
  const assessment = assessmentSchema.parse({ ...BASE, ...overrides });
  const shown = evaluate(assessmentSchema.parse(withDraftedOrders(assessment, orders)));
  const factOrders = orders.map((o) => (o.kind === "medication" ? { kind: o.kind, code: orderCode(o), medicationAction: o.action, detail: o.medication } : { kind: o.kind, code: orderCode(o) }));
  return encounterFacts(assessment, shown, factOrders, decide(shown));
}

const oxycodone = { drug: "oxycodone" as const, form: "ir" as const, doseMg: 10, dosesPerDay: 4 };

describe("encounterFacts", () => {
  it("separates an opioid already taken from one ordered at the visit, and takes the MME shown with the order", () => {
    expect(factsOf({ medications: [oxycodone] })).toMatchObject({ opioidListed: true, opioidOrdered: false, mmeTotal: 60, mmeComputed: 60 });
    expect(factsOf({}, [{ kind: "medication", action: "new", medication: oxycodone }])).toMatchObject({ opioidListed: false, opioidOrdered: true, mmeTotal: 60 });
    expect(factsOf({ treatments: [{ therapy: "opioid", status: "current", weeks: 30 }] })).toMatchObject({ opioidListed: true, opioidCourseWeeks: 30, mmeTotal: null, mmeComputed: 0 });
  });

  it("counts the MME of the list the visit left, the same figure the recommendation showed", () => {
    const orders: OrderInput[] = [
      { kind: "medication", action: "change", medication: { ...oxycodone, doseMg: 5 } },
      { kind: "medication", action: "new", medication: { drug: "tramadol", doseMg: 50, dosesPerDay: 2 } },
    ];
    const assessment = assessmentSchema.parse({ ...BASE, medications: [oxycodone] });
    const shown = evaluate(assessmentSchema.parse(withDraftedOrders(assessment, orders)));
    expect(factsOf({ medications: [oxycodone] }, orders).mmeTotal).toBe(shown.mme.totalPerDay);
    expect(shown.mme.totalPerDay).toBe(50);
  });

  it("counts a renewal once even where the signed record showed it twice (records signed before reconciliation)", () => {
    const assessment = assessmentSchema.parse({ ...BASE, medications: [oxycodone] });
    const shown = evaluate(assessment);
    const doubled = { ...shown, mme: { ...shown.mme, totalPerDay: 120, computedPerDay: 120 } };
    const renewal = [{ kind: "medication", code: "oxycodone", medicationAction: "new" as const, detail: oxycodone }];
    expect(encounterFacts(assessment, doubled, renewal, [])).toMatchObject({ mmeTotal: 60, mmeComputed: 60, opioidListed: true });
  });

  it("says unknown, not zero, for an opioid whose dose is missing, and for safety checks not recorded", () => {
    expect(factsOf({ medications: [{ drug: "oxycodone" }] })).toMatchObject({ mmeTotal: null, mmeComputed: 0, naloxoneOnHand: null, pdmpDaysAgo: null, urineDrugTestDaysAgo: null });
    expect(factsOf({ medications: [oxycodone], opioidSafety: { naloxoneOnHand: false, pdmpReviewedDaysAgo: 10, urineDrugTestDaysAgo: null } })).toMatchObject({
      naloxoneOnHand: false,
      pdmpDaysAgo: 10,
      urineDrugTestDaysAgo: null,
    });
  });

  it("marks buprenorphine-only treatment of opioid use disorder, and nothing else", () => {
    const buprenorphine = { drug: "buprenorphine" as const, doseMg: 8, dosesPerDay: 2 };
    expect(factsOf({ medications: [buprenorphine], conditions: ["opioid-use-disorder"] }).oudBuprenorphineOnly).toBe(true);
    expect(factsOf({ medications: [buprenorphine, oxycodone], conditions: ["opioid-use-disorder"] }).oudBuprenorphineOnly).toBe(false);
    expect(factsOf({ medications: [buprenorphine] }).oudBuprenorphineOnly).toBe(false);
  });

  it("counts non-drug steps in the history, under way, or started now, but never bed rest", () => {
    expect(factsOf({ treatments: [{ therapy: "bed-rest", status: "completed", weeks: 1 }] })).toMatchObject({ nonDrugHistory: false, nonDrugCurrent: false, nonDrugStarted: false });
    expect(factsOf({ treatments: [{ therapy: "yoga-tai-chi", status: "current", weeks: 4 }] })).toMatchObject({ nonDrugHistory: true, nonDrugCurrent: true });
    expect(factsOf({}, [{ kind: "pt_referral", priority: "routine" }]).nonDrugStarted).toBe(true);
    expect(factsOf({}, [{ kind: "specialist_referral", code: "psychological-therapy", reason: "fear avoidance" }]).nonDrugStarted).toBe(true);
    expect(factsOf({}, [{ kind: "specialist_referral", code: "spine-surgery-referral", reason: "stenosis" }]).nonDrugStarted).toBe(false);
    const accepted = (therapyStep: string) => (shown: ReturnType<typeof evaluate>) =>
      shown.next.filter((s) => s.step === therapyStep).slice(0, 1).map((s) => ({ target: "suggestion", itemKey: s.id, response: "accepted" }));
    expect(factsOf({}, [], accepted("conservative")).nonDrugStarted).toBe(true);
    expect(factsOf({}, [], (shown) => shown.next.slice(0, 1).map((s) => ({ target: "suggestion", itemKey: s.id, response: "declined" }))).nonDrugStarted).toBe(false);
  });

  it("records red flags, cancer history, the ladder's suspension, chronicity and imaging ordered", () => {
    expect(factsOf({ redFlags: ["saddle-anesthesia", "urinary-retention"] })).toMatchObject({ redFlag: true, cancerHistory: false, ladderSuspended: true });
    expect(factsOf({ redFlags: ["cancer-history"] })).toMatchObject({ redFlag: true, cancerHistory: true });
    expect(factsOf({ pain: { durationWeeks: 8, intensity: 5 } }).chronic).toBe(false);
    expect(factsOf({}, [{ kind: "imaging", code: "imaging", study: "X-ray", reason: "request" }]).imagingOrdered).toBe(true);
  });
});
