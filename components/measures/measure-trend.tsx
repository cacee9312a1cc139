import type { MeasureSummary } from "@/lib/measures/measure-dto";
import { LineChart } from "@/components/charts/line-chart";

/** The monthly rate as a line, with months that had no cases left as gaps rather than drawn as zero. */
export function MeasureTrend({ measure }: { measure: MeasureSummary }) {
  const points = measure.trend.map((month) => ({ date: month.month, value: month.rate === null ? null : Math.round(month.rate * 1000) / 10 }));
  return <LineChart title={`Rate by month (%), ${measure.better} is better`} points={points} max={0} unit="%" />;
}
