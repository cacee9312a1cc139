import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { pageDataOrIssues } from "@/lib/http/page-data";
import { queryOf, type SearchParams } from "@/lib/http/search-params";
import { listMeasures } from "@/lib/measures/measures-data";
import { defaultPeriod } from "@/lib/measures/period";
import { reportHref } from "@/lib/measures/measure-links";
import { PageHeader } from "@/components/ui/page-header";
import { buttonClass } from "@/components/ui/button";
import { PeriodForm } from "@/components/measures/period-form";
import { MeasureCard } from "@/components/measures/measure-card";
import { InputIssues } from "@/components/ui/input-issues";

export const metadata: Metadata = { title: "Measures" };

export default async function MeasuresPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  const query = await queryOf(searchParams);
  const result = await pageDataOrIssues(() => listMeasures(actor, { from: query.from, to: query.to }));
  const period = result.ok ? result.data.period : { ...defaultPeriod(new Date()), ...query };
  return (
    <>
      <PageHeader
        title="Opioid-avoidance measures"
        subtitle={`Signed encounters from ${period.from} to ${period.to}. Every number opens the encounters behind it.`}
        actions={
          <>
            <Link href={reportHref(period)} className={buttonClass("secondary")}>
              Printable report
            </Link>
            <Link href={reportHref(period, true)} className={buttonClass("secondary")}>
              Pseudonymized report
            </Link>
          </>
        }
      />
      <PeriodForm action="/measures" period={period} />
      {!result.ok ? (
        <InputIssues issues={result.issues} />
      ) : (
        <div className="grid gap-4 lg:grid-cols-2">
          {result.data.measures.map((measure) => (
            <MeasureCard key={measure.id} measure={measure} />
          ))}
        </div>
      )}
    </>
  );
}
