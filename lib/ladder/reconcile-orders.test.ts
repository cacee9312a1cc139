import { describe, expect, it } from "vitest";
import type { Medication, MedicationOrder } from "./assessment-schema";
import { reconcileOrders } from "./reconcile-orders";
import { recommend } from "./evaluate";
import { BASE } from "../../tests/support/assessment";

const oxyIr: Medication = { drug: "oxycodone", form: "ir", doseMg: 10, dosesPerDay: 4 };
const oxyEr: Medication = { drug: "oxycodone", form: "er", doseMg: 20, dosesPerDay: 2 };

describe("orders applied to the current medication list", () => {
  it.each<[string, Medication[], MedicationOrder[], Medication[]]>([
    ["a renewal (new for a medicine already taken) counts once, with the order's sig", [oxyIr], [{ action: "new", medication: { ...oxyIr, doseMg: 5 } }], [{ ...oxyIr, doseMg: 5 }]],
    ["continue keeps the medicine as it is", [oxyIr], [{ action: "continue", medication: { drug: "oxycodone" } }], [oxyIr]],
    ["change replaces the sig", [oxyIr], [{ action: "change", medication: { drug: "oxycodone", doseMg: 5, dosesPerDay: 3 } }], [{ drug: "oxycodone", form: "ir", doseMg: 5, dosesPerDay: 3 }]],
    ["stop takes it off the list", [oxyIr, { drug: "naproxen", doseMg: 500, dosesPerDay: 2 }], [{ action: "stop", medication: { drug: "oxycodone" } }], [{ drug: "naproxen", doseMg: 500, dosesPerDay: 2 }]],
    ["new adds a medicine not taken", [oxyIr], [{ action: "new", medication: { drug: "naproxen", doseMg: 500, dosesPerDay: 2 } }], [oxyIr, { drug: "naproxen", doseMg: 500, dosesPerDay: 2 }]],
    ["a new extended-release form beside the immediate-release one is a second product", [oxyIr], [{ action: "new", medication: oxyEr }], [oxyIr, oxyEr]],
    ["the form picks which of two current forms an order means", [oxyIr, oxyEr], [{ action: "stop", medication: { drug: "oxycodone", form: "er" } }], [oxyIr]],
    ["an order with a form matches a current medicine whose form was not recorded", [{ drug: "morphine", doseMg: 30, dosesPerDay: 2 }], [{ action: "change", medication: { drug: "morphine", form: "er", doseMg: 15, dosesPerDay: 2 } }], [{ drug: "morphine", form: "er", doseMg: 15, dosesPerDay: 2 }]],
  ])("%s", (_label, current, orders, after) => {
    const result = reconcileOrders(current, orders);
    expect(result.issues).toEqual([]);
    expect(result.medications).toEqual(after);
  });

  it("lists what a stop order takes off, as it was taken, and nothing for the other actions", () => {
    const naproxen: Medication = { drug: "naproxen", doseMg: 500, dosesPerDay: 2 };
    expect(reconcileOrders([oxyIr, oxyEr, naproxen], [{ action: "stop", medication: { drug: "oxycodone", form: "er" } }, { action: "continue", medication: { drug: "naproxen" } }]).stopped).toEqual([oxyEr]);
    expect(reconcileOrders([oxyIr], [{ action: "change", medication: { drug: "oxycodone", doseMg: 5, dosesPerDay: 4 } }]).stopped).toEqual([]);
  });

  it("keeps the indication of the medicine it renews", () => {
    const methadone: Medication = { drug: "methadone", doseMg: 80, dosesPerDay: 1, indication: "opioid-use-disorder" };
    expect(reconcileOrders([methadone], [{ action: "new", medication: { drug: "methadone", doseMg: 90, dosesPerDay: 1 } }]).medications).toEqual([{ ...methadone, doseMg: 90 }]);
  });

  it.each<[string, Medication[], MedicationOrder[], number, RegExp]>([
    ["continue with nothing to continue", [], [{ action: "continue", medication: { drug: "oxycodone" } }], 0, /needs a current oxycodone/],
    ["stop of a form not taken", [oxyIr], [{ action: "stop", medication: { drug: "oxycodone", form: "er" } }], 0, /needs a current oxycodone \(er\)/],
    ["an order that could mean either of two current forms", [oxyIr, oxyEr], [{ action: "change", medication: { drug: "oxycodone", doseMg: 5 } }], 0, /more than one current oxycodone/],
    ["two orders for one current medicine", [oxyIr], [{ action: "continue", medication: { drug: "oxycodone" } }, { action: "stop", medication: { drug: "oxycodone" } }], 1, /already has an order at this visit/],
    ["the same new medicine twice", [], [{ action: "new", medication: oxyIr }, { action: "new", medication: { drug: "oxycodone", doseMg: 5, dosesPerDay: 2 } }], 1, /already ordered at this visit/],
  ])("refuses %s, naming the order", (_label, current, orders, index, message) => {
    const { issues } = reconcileOrders(current, orders);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ index });
    expect(issues[0]?.message).toMatch(message);
  });
});

describe("orders through the engine", () => {
  const withOrders = (medications: Medication[], orders: MedicationOrder[]) => recommend({ ...BASE, medications, orders });

  it("reports an order that matches nothing as an invalid assessment naming orders.N", () => {
    const result = withOrders([oxyIr], [{ action: "continue", medication: oxyIr }, { action: "stop", medication: { drug: "morphine" } }]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.issues).toEqual([{ path: "orders.1", message: expect.stringMatching(/needs a current morphine/) }]);
  });

  it("judges everything on the list after the orders, and keeps the total before them", () => {
    const result = withOrders([{ drug: "oxycodone", doseMg: 15, dosesPerDay: 4 }], [{ action: "change", medication: { drug: "oxycodone", doseMg: 10, dosesPerDay: 4 } }]);
    if (!result.ok) throw new Error("expected a recommendation");
    expect(result.recommendation.mme).toMatchObject({ currentPerDay: 90, totalPerDay: 60 });
    expect(result.recommendation.alerts.map((a) => a.code)).not.toContain("mme-90");
    expect(result.recommendation.trace.find((t) => t.ruleId === "medication.orders-applied")).toMatchObject({ outcome: "fired", because: expect.stringMatching(/changed to the order's sig.*90 before the orders, 60 after/) });
  });

  it("counts a renewed opioid once (the visit that doubled an MME)", () => {
    const result = withOrders([oxyIr], [{ action: "new", medication: oxyIr }]);
    if (!result.ok) throw new Error("expected a recommendation");
    expect(result.recommendation.mme).toMatchObject({ currentPerDay: 60, totalPerDay: 60 });
    expect(result.recommendation.mme.items).toHaveLength(1);
  });
});
