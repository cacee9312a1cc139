import { describe, expect, it } from "vitest";
import { addDays, ageInYears, fromIsoDate, toIsoDate } from "./dates";

describe("dates", () => {
  it("round-trips calendar dates through UTC midnight", () => {
    expect(toIsoDate(fromIsoDate("2024-02-29"))).toBe("2024-02-29");
    expect(toIsoDate(addDays(fromIsoDate("2026-12-31"), 1))).toBe("2027-01-01");
  });

  it.each([
    ["1980-11-27", "2026-11-27", 46],
    ["1980-11-28", "2026-11-27", 45],
    ["2000-02-29", "2026-02-28", 25],
    ["2000-02-29", "2026-03-01", 26],
  ])("born %s is %i on %s", (born, on, age) => {
    expect(ageInYears(fromIsoDate(born), fromIsoDate(on))).toBe(age);
  });
});
