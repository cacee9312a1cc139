import Link from "next/link";
import type { MeasureDetail } from "@/lib/measures/measure-dto";
import { TableHead } from "@/components/ui/table-head";
import { TableRegion } from "@/components/ui/table-region";
import { Badge } from "@/components/ui/badge";
import { FindingBadge } from "@/components/reviews/finding-badge";
import { CaseReviewForm } from "@/components/reviews/case-review-form";

/**
 * The cases behind the chosen number. Identified rows open the encounter as it was signed, read-only. With `reviews`,
 * each case shows its latest review and, identified, a form for the auditor to review it.
 */
export function CaseTable({ detail, reviews = false }: { detail: MeasureDetail; reviews?: boolean }) {
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
            ...(reviews ? ["Review"] : []),
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
              {reviews && (
                <td className="min-w-48 px-4 py-2">
                  {row.review ? (
                    <div>
                      <FindingBadge finding={row.review.finding} /> <span className="text-muted">by {row.review.reviewer}, {row.review.reviewedAt.slice(0, 10)}</span>
                      {row.review.comment && <div>{row.review.comment}</div>}
                      <div className="text-xs text-muted">
                        {row.review.sentToClinician ? (row.review.acknowledgedAt ? `Acknowledged ${row.review.acknowledgedAt.slice(0, 10)}` : "Sent to the clinician, not yet acknowledged") : "Not sent to the clinician"}
                      </div>
                      {row.review.reply && <div className="text-muted italic">Reply: &ldquo;{row.review.reply}&rdquo;</div>}
                    </div>
                  ) : (
                    <span className="text-muted">Not reviewed</span>
                  )}
                  {row.encounterId && <CaseReviewForm measureId={detail.id} encounterId={row.encounterId} caseKey={row.caseKey} clinician={row.clinician} label={`the case of ${row.date} for ${row.patientName}`} />}
                </td>
              )}
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
