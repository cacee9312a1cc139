import type { Metadata } from "next";
import { requireActor } from "@/lib/auth/session";
import { pageDataOrIssues } from "@/lib/http/page-data";
import { queryOf, type SearchParams } from "@/lib/http/search-params";
import { getPrescriberReport } from "@/lib/measures/measures-data";
import { formatGenerated, formatRate } from "@/lib/measures/measure-links";
import type { Counts, PrescriberMeasure } from "@/lib/measures/measure-dto";
import { PageHeader } from "@/components/ui/page-header";
import { PrintButton } from "@/components/encounters/print-button";
import { InputIssues } from "@/components/ui/input-issues";
import { TargetNote } from "@/components/measures/target-note";
import { PrintPageMargins } from "@/components/ui/print-page-margins";

export const metadata: Metadata = { title: "Prescriber feedback" };

const figure = (counts: Counts | null) => (counts === null ? "—" : counts.denominator === 0 ? "no cases" : `${formatRate(counts.rate)} (${counts.numerator} of ${counts.denominator})`);

/** One clinician's measures beside their practice's and the organization's, with their cases: printable, one page. */
export default async function PrescriberReportPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  const result = await pageDataOrIssues(async () => getPrescriberReport(actor, await queryOf(searchParams)));
  if (!result.ok) {
    return (
      <>
        <PageHeader title="Prescriber feedback" />
        <InputIssues issues={result.issues} />
      </>
    );
  }
  const report = result.data;
  return (
    <article className="mx-auto max-w-4xl">
      <PrintPageMargins footer={`Prescriber feedback: ${report.clinician.name} · ${report.period.from} to ${report.period.to} · generated ${formatGenerated(report.generatedAt)}`} />
      <PageHeader
        title={`Prescriber feedback: ${report.clinician.name}`}
        subtitle={`Signed encounters from ${report.period.from} to ${report.period.to} · ${report.clinician.practice ?? "no practice"} · generated ${formatGenerated(report.generatedAt)} by ${actor.name}`}
        actions={<PrintButton />}
      />
      <table className="mb-6 w-full text-left text-sm">
        <caption className="sr-only">Rates beside the practice and the organization</caption>
        <thead>
          <tr className="border-b border-line">
            <th scope="col" className="py-1">Measure</th>
            <th scope="col">{report.clinician.name}</th>
            <th scope="col">{report.clinician.practice ?? "Practice"}</th>
            <th scope="col">Organization</th>
          </tr>
        </thead>
        <tbody>
          {report.measures.map((m) => (
            <tr key={m.id} className="border-b border-line align-top">
              <th scope="row" className="py-1 pr-2 font-normal">
                {m.number}. {m.title} <span className="text-muted">({m.better} is better)</span>
              </th>
              <td className="pr-2 font-medium">
                {figure(m.clinician)} <TargetNote rate={m.clinician.denominator ? m.clinician.rate : null} target={m.target} better={m.better} />
              </td>
              <td className="pr-2">{figure(m.practice)}</td>
              <td>{figure(m.organization)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {report.measures
        .filter((m) => m.cases.length > 0)
        .map((m) => (
          <PrescriberCases key={m.id} measure={m} />
        ))}
    </article>
  );
}

function PrescriberCases({ measure }: { measure: PrescriberMeasure }) {
  return (
    <section aria-labelledby={`cases-${measure.id}`} className="mb-4 break-inside-avoid-page">
      <h2 id={`cases-${measure.id}`} className="text-sm font-semibold">
        {measure.number}. {measure.title}: your cases in the numerator
      </h2>
      <table className="mt-1 w-full text-left text-xs">
        <caption className="sr-only">Cases in the numerator of measure {measure.number}</caption>
        <thead>
          <tr className="border-b border-line">
            <th scope="col">Date</th>
            <th scope="col">Patient</th>
            <th scope="col">Why it counts</th>
          </tr>
        </thead>
        <tbody>
          {measure.cases.map((row) => (
            <tr key={row.encounterRef + (row.category ?? "")} className="border-b border-line">
              <td>{row.date}</td>
              <td>{row.patientName ? `${row.patientName} (${row.patientRef})` : row.patientRef}</td>
              <td>{row.why ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {measure.moreCases && <p className="text-xs text-muted">More cases: open the measure filtered to this clinician for all of them.</p>}
    </section>
  );
}
