import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { pageDataOrIssues } from "@/lib/http/page-data";
import { queryOf, type SearchParams } from "@/lib/http/search-params";
import { getMeasure } from "@/lib/measures/measures-data";
import { exportHref, formatRate, measureHref } from "@/lib/measures/measure-links";
import type { MeasureDetail } from "@/lib/measures/measure-dto";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { PeriodForm } from "@/components/measures/period-form";
import { MeasureDefinition } from "@/components/measures/measure-definition";
import { MeasureTrend } from "@/components/measures/measure-trend";
import { monthRows, SpreadTable } from "@/components/measures/spread-table";
import { CaseTable } from "@/components/measures/case-table";
import { InputIssues } from "@/components/ui/input-issues";
import { TargetNote } from "@/components/measures/target-note";

export const metadata: Metadata = { title: "Measure" };

const SHOW_LABEL = { numerator: "in the numerator", denominator: "in the denominator", excluded: "excluded", all: "all cases" } as const;

export default async function MeasurePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: SearchParams }) {
  const actor = await requireActor();
  const { id } = await params;
  const query = await queryOf(searchParams);
  const result = await pageDataOrIssues(() => getMeasure(actor, { ...query, id }));
  if (!result.ok) {
    return (
      <>
        <PageHeader title="Measure" />
        <InputIssues issues={result.issues} />
        <Link href={`/measures/${encodeURIComponent(id)}`} className="text-brand underline">
          Show this measure over the last twelve months
        </Link>
      </>
    );
  }
  return <MeasureView detail={result.data} />;
}

function MeasureView({ detail }: { detail: MeasureDetail }) {
  const { period, total, filter, pseudonymized } = detail;
  const here = (options: Parameters<typeof measureHref>[2]) => measureHref(detail.id, period, { pseudonymized, ...options });
  const narrowed = [
    filter.clinician && `clinician ${detail.byClinician.find((r) => r.key === filter.clinician)?.label ?? "unknown"}`,
    filter.site && `site ${detail.bySite.find((r) => r.key === filter.site)?.label ?? "unknown"}`,
    filter.month && `month ${filter.month}`,
    filter.category && `${detail.categoryLabel?.toLowerCase() ?? "category"} ${filter.category}`,
  ].filter(Boolean);
  const keep = Object.fromEntries(Object.entries({ ...filter, pseudonymized: pseudonymized ? "1" : undefined }).filter((e): e is [string, string] => typeof e[1] === "string"));
  return (
    <>
      <PageHeader
        title={`Measure ${detail.number}: ${detail.title}`}
        subtitle={
          <>
            {period.from} to {period.to} · <Link href={`/measures?from=${period.from}&to=${period.to}`} className="text-brand underline">all measures</Link>
          </>
        }
        actions={
          <>
            <a href={exportHref(detail.id, period, filter)} className={buttonClass("secondary")} download>
              Export CSV
            </a>
            <a href={exportHref(detail.id, period, { ...filter, pseudonymized: true })} className={buttonClass("secondary")} download>
              Export pseudonymized CSV
            </a>
          </>
        }
      />
      <PeriodForm action={`/measures/${detail.id}`} period={period} keep={keep} />
      <div className="grid gap-4 lg:grid-cols-[2fr_3fr]">
        <Card title="Definition">
          <MeasureDefinition measure={detail} />
        </Card>
        <Card title="Figures">
          <p className="mb-3 flex flex-wrap items-baseline gap-x-3 text-sm">
            <span className="text-3xl font-semibold">{formatRate(total.rate)}</span>
            <TargetNote rate={total.rate} target={detail.target} better={detail.better} />
            <Link href={here({ show: "numerator" })} className="text-brand underline">
              {total.numerator} in the numerator
            </Link>
            <Link href={here({ show: "denominator" })} className="text-brand underline">
              {total.denominator} {detail.unit}
            </Link>
            <Link href={here({ show: "excluded" })} className="text-brand underline">
              {total.excluded} excluded
            </Link>
            {detail.flagLabel && (
              <span>
                {total.flagged} {detail.flagLabel}
                {detail.unflaggedLabel && `, ${total.numerator - total.flagged} ${detail.unflaggedLabel}`}
              </span>
            )}
          </p>
          {detail.exclusions.length > 0 && (
            <ul className="mb-3 text-sm text-muted">
              {detail.exclusions.map((e) => (
                <li key={e.reason}>
                  Excluded, {e.reason}: {e.count}
                </li>
              ))}
            </ul>
          )}
          <MeasureTrend measure={detail} />
        </Card>
      </div>
      {detail.ehrOverrides && (
        <Card title="In the EHR (CDS Hooks)" className="mt-4">
          <p className="text-sm">
            {detail.ehrOverrides.answered
              ? `${detail.ehrOverrides.overridden} of ${detail.ehrOverrides.answered} critical cards answered in the EHR were overridden (${detail.ehrOverrides.withReason} with a coded reason).`
              : "No critical card shown in the EHR was answered in this period."}{" "}
            Counted beside the visits, not in the figure above: the EHR reports a card's answer by its id, without the visit.
          </p>
          {detail.ehrOverrides.byAlert.length > 0 && (
            <ul className="mt-2 ml-5 list-disc text-sm">
              {detail.ehrOverrides.byAlert.map((row) => (
                <li key={row.alert}>
                  {row.alert}: {row.overridden} of {row.answered} overridden
                </li>
              ))}
            </ul>
          )}
        </Card>
      )}
      <section aria-label="Spread" className="mt-6 grid gap-4 2xl:grid-cols-2">
        <SpreadTable
          title="By month"
          rows={monthRows(detail.trend)}
          measureId={detail.id}
          period={period}
          filterKey="month"
          flagLabel={detail.flagLabel}
          pseudonymized={pseudonymized}
        />
        <SpreadTable title="By clinician" rows={detail.byClinician} measureId={detail.id} period={period} filterKey="clinician" flagLabel={detail.flagLabel} pseudonymized={pseudonymized} />
        <SpreadTable title="By site" rows={detail.bySite} measureId={detail.id} period={period} filterKey="site" flagLabel={detail.flagLabel} pseudonymized={pseudonymized} />
        {detail.categoryLabel && (
          <SpreadTable title={`By ${detail.categoryLabel.toLowerCase()}`} rows={detail.byCategory} measureId={detail.id} period={period} filterKey="category" flagLabel={detail.flagLabel} pseudonymized={pseudonymized} />
        )}
      </section>
      <section aria-labelledby="cases-heading" className="mt-6">
        <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="cases-heading" className="text-lg font-semibold">
            Cases {SHOW_LABEL[filter.show]}
            {narrowed.length > 0 && `, ${narrowed.join(", ")}`}
          </h2>
          <nav aria-label="Cases shown" className="no-print flex flex-wrap gap-1 text-sm">
            {(["numerator", "denominator", "excluded", "all"] as const).map((show) => (
              <Link
                key={show}
                href={here({ ...filter, show })}
                aria-current={show === filter.show ? "page" : undefined}
                className={`rounded-md px-3 py-1 ${show === filter.show ? "bg-brand text-white" : "border border-line bg-white"}`}
              >
                {SHOW_LABEL[show]}
              </Link>
            ))}
            {narrowed.length > 0 && (
              <Link href={here({ show: filter.show })} className="rounded-md border border-line bg-white px-3 py-1">
                Clear filters
              </Link>
            )}
            <Link href={measureHref(detail.id, period, { ...filter, pseudonymized: !pseudonymized })} className="rounded-md border border-line bg-white px-3 py-1">
              {pseudonymized ? "Show identities" : "Pseudonymize"}
            </Link>
          </nav>
        </div>
        <CaseTable detail={detail} reviews />
        {detail.truncated && <p className="mt-2 text-sm text-muted">Showing the newest {detail.rows.length} cases; the CSV export holds them all.</p>}
      </section>
    </>
  );
}
