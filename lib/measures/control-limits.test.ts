import { describe, expect, it } from "vitest";
import { controlLimits } from "./control-limits";

describe("p-chart limits of a monthly rate", () => {
  it("centres on the pooled rate and widens the band for months with few cases", () => {
    const { centre, months } = controlLimits([
      { month: "2026-01", numerator: 10, denominator: 100 },
      { month: "2026-02", numerator: 1, denominator: 1 },
      { month: "2026-03", numerator: 0, denominator: 0 },
      { month: "2026-04", numerator: 40, denominator: 100 },
    ]);
    expect(centre).toBeCloseTo(51 / 201);
    const [jan, feb, mar, apr] = months;
    // 100 cases: 0.254 ± 3·√(0.254·0.746/100) = 0.254 ± 0.131
    expect(jan?.lower).toBeCloseTo(0.1232, 3);
    expect(jan?.upper).toBeCloseTo(0.3843, 3);
    expect(jan?.outside).toBe(true);
    // One case in a month: the band covers everything, so 100% is no signal.
    expect(feb).toMatchObject({ rate: 1, lower: 0, upper: 1, outside: false });
    expect(mar).toMatchObject({ rate: null, lower: null, upper: null, outside: false });
    expect(apr?.outside).toBe(true);
  });

  it("has no centre when no month has cases", () => {
    expect(controlLimits([{ month: "2026-01", numerator: 0, denominator: 0 }])).toEqual({ centre: null, months: [{ month: "2026-01", numerator: 0, denominator: 0, rate: null, lower: null, upper: null, outside: false }] });
  });
});
