import { describe, expect, it } from "vitest";
import { exportHref, formatRate, measureHref, reportHref } from "./measure-links";

describe("measure links", () => {
  const period = { from: "2026-01-01", to: "2026-11-27" };

  it("carries the period and only the filters that are set", () => {
    expect(measureHref("mme-90", period)).toBe("/measures/mme-90?from=2026-01-01&to=2026-11-27");
    expect(measureHref("mme-90", period, { show: "excluded", clinician: "abc", month: "2026-03" })).toBe(
      "/measures/mme-90?from=2026-01-01&to=2026-11-27&show=excluded&clinician=abc&month=2026-03",
    );
    expect(exportHref("mme-90", period, { category: "PDMP review", pseudonymized: true })).toBe(
      "/measures/mme-90/export?from=2026-01-01&to=2026-11-27&category=PDMP+review&pseudonymized=1",
    );
    expect(reportHref(period)).toBe("/measures/report?from=2026-01-01&to=2026-11-27");
  });

  it("shows a rate as a percentage, and no rate as a dash rather than zero", () => {
    expect(formatRate(0.125)).toBe("12.5%");
    expect(formatRate(0)).toBe("0.0%");
    expect(formatRate(null)).toBe("—");
  });
});
