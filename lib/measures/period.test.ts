import { describe, expect, it } from "vitest";
import { defaultPeriod, monthLastDay, monthsBetween, previousPeriod, shiftDate, wholeMonths } from "./period";

describe("measure periods", () => {
  it("defaults to the twelve calendar months up to today", () => {
    expect(defaultPeriod(new Date("2026-11-27T15:00:00Z"))).toEqual({ from: "2025-12-01", to: "2026-11-27" });
    expect(defaultPeriod(new Date("2026-01-05T00:00:00Z"))).toEqual({ from: "2025-02-01", to: "2026-01-05" });
  });

  it("lists every month a period touches, across a year end", () => {
    expect(monthsBetween("2025-11-15", "2026-02-01")).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
    expect(monthsBetween("2026-03-01", "2026-03-31")).toEqual(["2026-03"]);
  });
});

describe("wholeMonths", () => {
  it("finds the whole months inside a period, or none", () => {
    expect(wholeMonths("2026-01-01", "2026-11-27")).toEqual({ first: "2026-01-01", last: "2026-10-31" });
    expect(wholeMonths("2023-12-02", "2026-12-01")).toEqual({ first: "2024-01-01", last: "2026-11-30" });
    expect(wholeMonths("2024-02-01", "2024-02-29")).toEqual({ first: "2024-02-01", last: "2024-02-29" });
    expect(wholeMonths("2026-03-05", "2026-04-20")).toBeNull();
    expect(wholeMonths("2026-03-01", "2026-03-30")).toBeNull();
  });

  it("steps dates across months and years, and finds a month's last day", () => {
    expect(shiftDate("2026-03-01", -1)).toBe("2026-02-28");
    expect(shiftDate("2025-12-31", 1)).toBe("2026-01-01");
    expect(monthLastDay("2024-02-10")).toBe("2024-02-29");
  });
});

describe("previousPeriod", () => {
  it("is the same number of days, ending the day before", () => {
    expect(previousPeriod("2026-01-01", "2026-12-31")).toEqual({ from: "2025-01-01", to: "2025-12-31" });
    expect(previousPeriod("2026-03-01", "2026-03-31")).toEqual({ from: "2026-01-29", to: "2026-02-28" });
    expect(previousPeriod("2026-12-01", "2026-12-01")).toEqual({ from: "2026-11-30", to: "2026-11-30" });
  });
});
