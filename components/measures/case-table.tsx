import Link from "next/link";
import type { MeasureDetail } from "@/lib/measures/measure-dto";
import { TableHead } from "@/components/ui/table-head";
import { TableRegion } from "@/components/ui/table-region";
import { Badge } from "@/components/ui/badge";

/** The cases behind the chosen number. Identified rows open the encounter as it was signed, read-only. */
export function CaseTable({ detail }: { detail: MeasureDetail }) {
  const { rows, flagLabel, categoryLabel, pseudonymized } = detail;
  if (rows.length === 0) return <p className="rounded-lg border border-line bg-white p-6 text-muted">No cases match.</p>;
  return (
    <TableRegion label="Cases table">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Cases</caption>
        <TableHead
          columns={[
            "Date",
            pseudonymized ? "Patient (keyed hash)" : "Patient",
            "Clinician",
            "Site",
            "Counted",
            ...(flagLabel ? [flagLabel] : []),
            ...(categoryLabel ? [categoryLabel] : []),
            "Why it counts",
            { label: "Encounter", hidden: pseudonymized },
          ]}
        />
        <tbody>
          {rows.map((row) => (
            <tr key={row.encounterRef + (row.category ?? "")} className="border-b border-line align-top last:border-0">
              <td className="whitespace-nowrap px-4 py-2">{row.date}</td>
              <td className="px-4 py-2">
                {row.patientName && <div className="font-medium">{row.patientName}</div>}
                <div className="font-mono text-xs text-muted">{row.patientRef}</div>
              </td>
              <td className="px-4 py-2">{row.clinician}</td>
              <td className="px-4 py-2">{row.site}</td>
              <td className="px-4 py-2">
                {row.excluded !== null ? (
                  <Badge tone="neutral">excluded: {row.excluded}</Badge>
                ) : row.numerator ? (
                  <Badge tone="warning">numerator</Badge>
                ) : (
                  <Badge tone="info">denominator only</Badge>
                )}
              </td>
              {flagLabel && <td className="px-4 py-2">{row.flag === null ? "—" : row.flag ? "yes" : "no"}</td>}
              {categoryLabel && <td className="px-4 py-2 font-mono text-xs">{row.category ?? "—"}</td>}
              <td className="px-4 py-2">
                {row.why ?? "—"}
                {row.note && <div className="text-muted italic">&ldquo;{row.note}&rdquo;</div>}
              </td>
              <td className="px-4 py-2">
                {row.encounterId ? (
                  <Link href={`/encounters/${row.encounterId}`} className="text-brand underline" aria-label={`Open encounter of ${row.date} for ${row.patientName}`}>
                    Open encounter
                  </Link>
                ) : (
                  <span className="font-mono text-xs text-muted">{row.encounterRef}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
