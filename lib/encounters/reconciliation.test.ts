import { describe, expect, it } from "vitest";
import type { Medication } from "@/lib/ladder/assessment-schema";
import type { OrderInput } from "./sign-input";
import { rowAction, withRowAction } from "./reconciliation";

const oxycodone: Medication = { drug: "oxycodone", form: "ir", doseMg: 10, dosesPerDay: 4 };
const morphine: Medication = { drug: "morphine", form: "er", doseMg: 30, dosesPerDay: 2 };
const naproxen: Medication = { drug: "naproxen", doseMg: 500, dosesPerDay: 2 };
const list = [oxycodone, morphine, naproxen];

const pt: OrderInput = { kind: "pt_referral", priority: "routine" };

describe("medication reconciliation", () => {
  it("continues every medicine until told otherwise", () => {
    for (const m of list) expect(rowAction([pt], m)).toBe("continue");
  });

  it("changes a dose with one change order, replacing an earlier choice for the same medicine", () => {
    const stopped = withRowAction([pt], naproxen, "stop");
    expect(stopped).toEqual([pt, { kind: "medication", action: "stop", medication: { drug: "naproxen" } }]);
    const changed = withRowAction(stopped, naproxen, "change", { ...naproxen, dosesPerDay: 1 });
    expect(changed).toEqual([pt, { kind: "medication", action: "change", medication: { ...naproxen, dosesPerDay: 1 }, supply: { quantity: 30, daysSupply: 30 } }]);
    expect(rowAction(changed, naproxen)).toBe("change");
    expect(withRowAction(changed, naproxen, "continue")).toEqual([pt]);
  });

  it("writes a changed dose's supply from the sig and keeps it following the sig until a quantity is typed", () => {
    const changed = withRowAction([], naproxen, "change");
    expect(changed).toEqual([{ kind: "medication", action: "change", medication: naproxen, supply: { quantity: 60, daysSupply: 30 } }]);
    const thrice = withRowAction(changed, naproxen, "change", { ...naproxen, dosesPerDay: 3 });
    expect(thrice[0]).toMatchObject({ supply: { quantity: 90, daysSupply: 30 } });
    const typed = withRowAction(thrice, naproxen, "change", { ...naproxen, dosesPerDay: 3 }, { quantity: 84, daysSupply: 30 });
    expect(withRowAction(typed, naproxen, "change", { ...naproxen, dosesPerDay: 2 })[0]).toMatchObject({ medication: { dosesPerDay: 2 }, supply: { quantity: 84, daysSupply: 30 } });
  });

  it("tapers every opioid for pain with one plan; choosing anything else for an opioid ends it", () => {
    const plan = withRowAction([], oxycodone, "taper");
    expect(plan).toEqual([{ kind: "taper_plan" }]);
    expect(rowAction(plan, oxycodone)).toBe("taper");
    expect(rowAction(plan, morphine)).toBe("taper");
    expect(rowAction(plan, naproxen)).toBe("continue");
    expect(withRowAction(plan, morphine, "taper").filter((o) => o.kind === "taper_plan")).toHaveLength(1);
    expect(withRowAction(plan, naproxen, "stop")).toEqual([{ kind: "medication", action: "stop", medication: { drug: "naproxen" } }, { kind: "taper_plan" }]);
    expect(withRowAction(plan, morphine, "continue")).toEqual([]);
  });
});
