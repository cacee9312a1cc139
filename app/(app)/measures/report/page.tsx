import type { Metadata } from "next";
import { requireActor } from "@/lib/auth/session";
import { pageDataOrIssues } from "@/lib/http/page-data";
import { queryOf, type SearchParams } from "@/lib/http/search-params";
import { getMeasureReport } from "@/lib/measures/measures-data";
import { formatGenerated, formatRate } from "@/lib/measures/measure-links";
import type { ReportMeasure } from "@/lib/measures/measure-dto";
import { PageHeader } from "@/components/ui/page-header";
import { PrintButton } from "@/components/encounters/print-button";
import { MeasureDefinition } from "@/components/measures/measure-definition";
import { InputIssues } from "@/components/ui/input-issues";
import { monthRows, SpreadTable } from "@/components/measures/spread-table";
import { TargetNote } from "@/components/measures/target-note";
import { PrintPageMargins } from "@/components/ui/print-page-margins";

export const metadata: Metadata = { title: "Measures report" };

export default async function MeasureReportPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  const result = await pageDataOrIssues(async () => getMeasureReport(actor, await queryOf(searchParams)));
  if (!result.ok) {
    return (
      <>
        <PageHeader title="Measures report" />
        <InputIssues issues={result.issues} />
      </>
    );
  }
  const report = result.data;
  return (
    <article className="mx-auto max-w-4xl">
      <PrintPageMargins footer={`Opioid-avoidance measures · ${report.period.from} to ${report.period.to} · generated ${formatGenerated(report.generatedAt)}`} />
      <PageHeader
        title="Opioid-avoidance measures report"
        subtitle={`Signed encounters from ${report.period.from} to ${report.period.to} · generated ${formatGenerated(report.generatedAt)} by ${actor.name}${report.pseudonymized ? " · pseudonymized: no names; patients and encounters as keyed hashes; dates, clinicians and sites kept (a limited data set, not de-identified)" : ""}`}
        actions={<PrintButton />}
      />
      {report.measures.map((measure) => (
        <ReportSection key={measure.id} measure={measure} pseudonymized={report.pseudonymized} />
      ))}
    </article>
  );
}

function ReportSection({ measure, pseudonymized }: { measure: ReportMeasure; pseudonymized: boolean }) {
  const { total } = measure;
  const spread = { measureId: measure.id, period: measure.period, flagLabel: measure.flagLabel, pseudonymized };
  return (
    <section aria-labelledby={`report-${measure.id}`} className="mb-8 break-inside-avoid-page border-t border-line pt-4">
      <h2 id={`report-${measure.id}`} className="text-lg font-semibold">
        {measure.number}. {measure.title}
      </h2>
      <p className="my-2 text-sm">
        <span className="text-2xl font-semibold">{formatRate(total.rate)}</span> · {total.numerator} of {total.denominator} {measure.unit} · {total.excluded} excluded
        {measure.flagLabel && ` · ${total.flagged} ${measure.flagLabel}`}
        {measure.unflaggedLabel && `, ${total.numerator - total.flagged} ${measure.unflaggedLabel}`}{" "}
        <TargetNote rate={total.rate} target={measure.target} better={measure.better} />
      </p>
      <MeasureDefinition measure={measure} />
      <div className="mt-3 grid gap-4 sm:grid-cols-2 print:grid-cols-1">
        <SpreadTable {...spread} title="By month" rows={monthRows(measure.trend)} filterKey="month" />
        <div className="flex flex-col gap-4">
          <SpreadTable {...spread} title="By clinician" rows={measure.byClinician} filterKey="clinician" />
          <SpreadTable {...spread} title="By site" rows={measure.bySite} filterKey="site" />
        </div>
      </div>
      <h3 className="mt-3 text-sm font-semibold">Newest cases in the numerator</h3>
      {measure.cases.length === 0 ? (
        <p className="text-sm text-muted">None.</p>
      ) : (
        <table className="mt-1 w-full text-left text-xs">
          <caption className="sr-only">Cases in the numerator of measure {measure.number}</caption>
          <thead>
            <tr className="border-b border-line">
              <th scope="col">Date</th>
              <th scope="col">{pseudonymized ? "Patient (keyed hash)" : "Patient"}</th>
              <th scope="col">{pseudonymized ? "Encounter (keyed hash)" : "Encounter"}</th>
              <th scope="col">Clinician</th>
              <th scope="col">Site</th>
            </tr>
          </thead>
          <tbody>
            {measure.cases.map((row) => (
              <tr key={row.encounterRef + (row.category ?? "")} className="border-b border-line">
                <td>{row.date}</td>
                <td>{row.patientName ? `${row.patientName} (${row.patientRef})` : row.patientRef}</td>
                <td className="font-mono">{row.encounterRef.slice(0, 14)}</td>
                <td>{row.clinician}</td>
                <td>{row.site}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {measure.moreCases && <p className="text-xs text-muted">More cases: export this measure as CSV for all of them.</p>}
    </section>
  );
}
