import type { MeasureSummary } from "@/lib/measures/measure-dto";
import { RateChart } from "@/components/charts/rate-chart";

/** The monthly rate with each month's count and the range that count allows; months without cases are gaps. */
export function MeasureTrend({ measure }: { measure: MeasureSummary }) {
  return <RateChart title={`Rate by month, ${measure.better} is better`} months={measure.trend} />;
}
