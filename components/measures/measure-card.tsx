import Link from "next/link";
import type { DashboardMeasure } from "@/lib/measures/measure-dto";
import { formatRate, measureHref } from "@/lib/measures/measure-links";
import { MeasureDefinition } from "./measure-definition";
import { MeasureTrend } from "./measure-trend";
import { SpreadSummary } from "./spread-summary";
import { TargetNote } from "./target-note";

/** One measure on the dashboard: its rate, the counts behind it (each a link to its cases), trend, spread and definition. */
export function MeasureCard({ measure }: { measure: DashboardMeasure }) {
  const { total, period } = measure;
  const link = (show: "numerator" | "denominator" | "excluded") => measureHref(measure.id, period, { show });
  return (
    <article aria-labelledby={`measure-${measure.id}`} className="flex flex-col gap-3 rounded-lg border border-line bg-white p-5">
      <header>
        <p className="text-xs uppercase tracking-wide text-muted">
          Measure {measure.number} · {measure.better} is better
        </p>
        <h2 id={`measure-${measure.id}`} className="text-base font-semibold">
          <Link href={measureHref(measure.id, period)} className="hover:underline">
            {measure.title}
          </Link>
        </h2>
      </header>
      <p className="flex flex-wrap items-baseline gap-x-3 text-sm">
        <span className="text-3xl font-semibold">{formatRate(total.rate)}</span>
        <Link href={link("numerator")} className="text-brand underline">
          {total.numerator} in the numerator
        </Link>
        <span aria-hidden="true">of</span>
        <Link href={link("denominator")} className="text-brand underline">
          {total.denominator} {measure.unit}
        </Link>
        {total.excluded > 0 && (
          <Link href={link("excluded")} className="text-muted underline">
            {total.excluded} excluded
          </Link>
        )}
        <TargetNote rate={total.rate} target={measure.target} better={measure.better} />
      </p>
      <PreviousPeriod measure={measure} />
      <MeasureTrend measure={measure} />
      <div className="grid gap-3 sm:grid-cols-2">
        <SpreadSummary title="By clinician" rows={measure.byClinician} measureId={measure.id} period={period} filterKey="clinician" />
        <SpreadSummary title="By site" rows={measure.bySite} measureId={measure.id} period={period} filterKey="site" />
      </div>
      <details className="text-sm">
        <summary className="cursor-pointer font-medium text-brand">Definition</summary>
        <div className="mt-2">
          <MeasureDefinition measure={measure} />
        </div>
      </details>
    </article>
  );
}

/** The same figure over the period of equal length just before, and which way it moved. */
function PreviousPeriod({ measure }: { measure: DashboardMeasure }) {
  const { period, total } = measure.previous;
  const now = measure.total.rate;
  const then = total.rate;
  const direction =
    now === null || then === null || now === then ? null : (now < then) === (measure.better === "lower") ? "better" : "worse";
  return (
    <p className="text-sm text-muted">
      Previous period ({period.from} to {period.to}): {formatRate(then)}
      {total.denominator > 0 && `, ${total.numerator} of ${total.denominator}`}
      {direction && <span className={direction === "better" ? "text-ok" : "text-warning"}> · now {direction}</span>}
    </p>
  );
}
