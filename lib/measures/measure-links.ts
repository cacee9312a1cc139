import type { Period, RowFilter } from "./measure-dto";

// Links between the dashboard, a measure's page, its drill-downs and its exports carry the period and filters in
// the query string, so every view can be bookmarked, shared with a colleague and reopened exactly.

type LinkOptions = Partial<RowFilter> & { pseudonymized?: boolean };

function query(period: Period, options: LinkOptions = {}): string {
  const params = new URLSearchParams({ from: period.from, to: period.to });
  for (const key of ["show", "clinician", "site", "month", "category"] as const) {
    const value = options[key];
    if (value) params.set(key, value);
  }
  if (options.pseudonymized) params.set("pseudonymized", "1");
  return params.toString();
}

export const measureHref = (id: string, period: Period, options?: LinkOptions) => `/measures/${id}?${query(period, options)}`;
export const exportHref = (id: string, period: Period, options?: LinkOptions) => `/measures/${id}/export?${query(period, options)}`;
export const reportHref = (period: Period, pseudonymized = false) => `/measures/report?${query(period, { pseudonymized })}`;

/** A rate as a percentage with one decimal, or a dash when nothing was in the denominator. */
export function formatRate(rate: number | null): string {
  return rate === null ? "—" : `${(rate * 100).toFixed(1)}%`;
}

/** When a report was made, as it is printed on it: "2026-12-01 14:05 UTC". */
export const formatGenerated = (iso: string): string => `${iso.slice(0, 16).replace("T", " ")} UTC`;
