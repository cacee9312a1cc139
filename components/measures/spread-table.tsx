import Link from "next/link";
import type { MeasureSummary, Period, RowFilter, SpreadRow } from "@/lib/measures/measure-dto";
import { formatRate, measureHref } from "@/lib/measures/measure-links";
import { TableHead } from "@/components/ui/table-head";
import { TableRegion } from "@/components/ui/table-region";

type Props = {
  title: string;
  rows: SpreadRow[];
  measureId: string;
  period: Period;
  filterKey: "clinician" | "site" | "category" | "month";
  flagLabel?: string;
  pseudonymized: boolean;
};

/** A measure's monthly trend as spread rows, keyed by month. */
export const monthRows = (trend: MeasureSummary["trend"]): SpreadRow[] => trend.map((month) => ({ ...month, key: month.month, label: month.month }));

/** One dimension's spread of a measure (by month, clinician, site or category); each count opens the cases behind it. */
export function SpreadTable({ title, rows, measureId, period, filterKey, flagLabel, pseudonymized }: Props) {
  const href = (key: string, show: RowFilter["show"]) => measureHref(measureId, period, { show, [filterKey]: key, pseudonymized });
  return (
    <section aria-label={title} className="min-w-0">
      <h3 className="mb-2 text-sm font-semibold">{title}</h3>
      {rows.length === 0 ? (
        <p className="text-sm text-muted">No cases in this period.</p>
      ) : (
        <TableRegion label={`${title} table`}>
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{title}</caption>
            <TableHead columns={["Name", "Rate", "Numerator", "Denominator", ...(flagLabel ? [flagLabel] : []), "Excluded"]} />
            <tbody>
              {rows.map((row) => (
                <tr key={row.key} className="border-b border-line last:border-0">
                  <td className="px-4 py-2">{row.label}</td>
                  <td className="px-4 py-2 font-medium">{formatRate(row.rate)}</td>
                  <td className="px-4 py-2">
                    <Link href={href(row.key, "numerator")} className="text-brand underline" aria-label={`${row.label}: ${row.numerator} in the numerator`}>
                      {row.numerator}
                    </Link>
                  </td>
                  <td className="px-4 py-2">
                    <Link href={href(row.key, "denominator")} className="text-brand underline" aria-label={`${row.label}: ${row.denominator} in the denominator`}>
                      {row.denominator}
                    </Link>
                  </td>
                  {flagLabel && <td className="px-4 py-2">{row.flagged}</td>}
                  <td className="px-4 py-2">
                    {row.excluded ? (
                      <Link href={href(row.key, "excluded")} className="text-brand underline" aria-label={`${row.label}: ${row.excluded} excluded`}>
                        {row.excluded}
                      </Link>
                    ) : (
                      0
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </section>
  );
}
