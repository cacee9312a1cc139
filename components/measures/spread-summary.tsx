import Link from "next/link";
import type { Period, SpreadRow } from "@/lib/measures/measure-dto";
import { formatRate, measureHref } from "@/lib/measures/measure-links";

const SHOWN = 5;

/** A measure's spread on the dashboard: the largest groups with their rate, each opening its cases. */
export function SpreadSummary({ title, rows, measureId, period, filterKey }: { title: string; rows: SpreadRow[]; measureId: string; period: Period; filterKey: "clinician" | "site" }) {
  return (
    <section aria-label={title} className="min-w-0 text-sm">
      <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-muted">{title}</h3>
      {rows.length === 0 ? (
        <p className="text-muted">No cases.</p>
      ) : (
        <ul className="flex flex-col gap-0.5">
          {rows.slice(0, SHOWN).map((row) => (
            <li key={row.key} className="flex justify-between gap-2">
              <span className="truncate">{row.label}</span>
              <Link href={measureHref(measureId, period, { show: "numerator", [filterKey]: row.key })} className="whitespace-nowrap text-brand underline">
                {formatRate(row.rate)} ({row.numerator}/{row.denominator})
              </Link>
            </li>
          ))}
          {rows.length > SHOWN && <li className="text-muted">and {rows.length - SHOWN} more on the measure page</li>}
        </ul>
      )}
    </section>
  );
}
