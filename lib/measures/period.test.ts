import { describe, expect, it } from "vitest";
import { defaultPeriod, monthsBetween } from "./period";

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
