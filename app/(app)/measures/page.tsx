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

/** The clinicians with cases in the period, from the measures' spreads. */
function cliniciansIn(measures: { byClinician: { key: string; label: string }[] }[]): { id: string; name: string }[] {
  const byId = new Map(measures.flatMap((m) => m.byClinician.map((row) => [row.key, row.label] as const)));
  return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}

function PrescriberPicker({ period, clinicians }: { period: { from: string; to: string }; clinicians: { id: string; name: string }[] }) {
  if (!clinicians.length) return null;
  return (
    <form method="get" action="/measures/prescriber" aria-label="Prescriber feedback" className="no-print mb-6 flex flex-wrap items-end gap-3 rounded-lg border border-line bg-white p-4 text-sm">
      <label className="flex flex-col gap-1">
        <span className="font-medium">Prescriber feedback for</span>
        <select name="clinician" className="rounded-md border border-line px-2 py-1">
          {clinicians.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <input type="hidden" name="from" value={period.from} />
      <input type="hidden" name="to" value={period.to} />
      <button type="submit" className={buttonClass("secondary")}>
        Open the report
      </button>
    </form>
  );
}

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
      {result.ok && <PrescriberPicker period={period} clinicians={cliniciansIn(result.data.measures)} />}
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
