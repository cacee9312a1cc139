// p-chart limits for a monthly rate (Shewhart): the centre is the period's pooled rate, and a month of n cases is
// expected within p ± 3·√(p(1−p)/n). A month with few cases gets a wide band, so one case in one month does not
// read as a swing from 0% to 100%.
export type MonthCounts = { month: string; numerator: number; denominator: number };
export type ControlledMonth = MonthCounts & { rate: number | null; lower: number | null; upper: number | null; outside: boolean };

export function controlLimits(months: readonly MonthCounts[]): { centre: number | null; months: ControlledMonth[] } {
  const numerator = months.reduce((n, m) => n + m.numerator, 0);
  const denominator = months.reduce((n, m) => n + m.denominator, 0);
  const centre = denominator ? numerator / denominator : null;
  return {
    centre,
    months: months.map((m) => {
      if (!m.denominator || centre === null) return { ...m, rate: null, lower: null, upper: null, outside: false };
      const spread = 3 * Math.sqrt((centre * (1 - centre)) / m.denominator);
      const rate = m.numerator / m.denominator;
      const lower = Math.max(0, centre - spread);
      const upper = Math.min(1, centre + spread);
      return { ...m, rate, lower, upper, outside: rate < lower || rate > upper };
    }),
  };
}
