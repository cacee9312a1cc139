import { describe, expect, it } from "vitest";
import { completeSupply, defaultSupply, followSupply, quantityFor, supplyText } from "./supply";
import { orderText, orderView } from "./visit-orders";

describe("a prescription's supply", () => {
  it("covers a month at the sig: doses a day times days, the most a day when as needed, a patch per wear", () => {
    expect(defaultSupply({ drug: "naproxen", dosesPerDay: 2 })).toEqual({ quantity: 60, daysSupply: 30 });
    expect(quantityFor({ drug: "oxycodone", dosesPerDay: 1.5 }, 7)).toBe(11);
    expect(defaultSupply({ drug: "fentanyl", form: "patch" })).toEqual({ quantity: 10, daysSupply: 30 });
    expect(defaultSupply({ drug: "buprenorphine", form: "patch" })).toEqual({ quantity: 5, daysSupply: 30 });
  });

  it("leaves the quantity for the prescriber when the sig does not say how often", () => {
    expect(defaultSupply({ drug: "naproxen" })).toEqual({ quantity: undefined, daysSupply: 30 });
    expect(completeSupply(defaultSupply({ drug: "naproxen" }))).toBeNull();
  });

  it("follows the sig and the days while the quantity is the sig's, and keeps a quantity typed by hand", () => {
    const twice = { drug: "naproxen" as const, dosesPerDay: 2 };
    const once = { drug: "naproxen" as const, dosesPerDay: 1 };
    expect(followSupply({ quantity: 60, daysSupply: 30 }, twice, once)).toEqual({ quantity: 30, daysSupply: 30 });
    expect(followSupply({ quantity: 60, daysSupply: 30 }, twice, twice, 14)).toEqual({ quantity: 28, daysSupply: 14 });
    expect(followSupply({ quantity: 50, daysSupply: 30 }, twice, once)).toEqual({ quantity: 50, daysSupply: 30 });
    expect(followSupply({ quantity: 50, daysSupply: 30 }, twice, twice, 14)).toEqual({ quantity: 50, daysSupply: 14 });
  });

  it("reads in the order line as it is signed, with patches named", () => {
    expect(supplyText({ quantity: 10, daysSupply: 30 }, "patch")).toBe("dispense 10 patches, 30 days");
    const order = orderView({ kind: "medication", action: "new", medication: { drug: "naproxen", doseMg: 500, dosesPerDay: 2 }, supply: { quantity: 60, daysSupply: 30 } });
    expect(orderText(order)).toBe("New: naproxen 500 mg × 2/day; dispense 60, 30 days");
    expect(orderText(orderView({ kind: "medication", action: "new", medication: { drug: "naproxen", doseMg: 500, dosesPerDay: 2 }, supply: { daysSupply: 30 } }))).toBe("New: naproxen 500 mg × 2/day");
  });
});
