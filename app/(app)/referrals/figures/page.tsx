import type { Metadata } from "next";
import { requireActor } from "@/lib/auth/session";
import { pageDataOrIssues } from "@/lib/http/page-data";
import { queryOf, type SearchParams } from "@/lib/http/search-params";
import { getClinicFigures, type FigureRow } from "@/lib/referrals/clinic-figures-data";
import { defaultPeriod } from "@/lib/measures/period";
import { PageHeader } from "@/components/ui/page-header";
import { InputIssues } from "@/components/ui/input-issues";
import { TableHead } from "@/components/ui/table-head";
import { TableRegion } from "@/components/ui/table-region";
import { PeriodForm } from "@/components/measures/period-form";

export const metadata: Metadata = { title: "Clinic figures" };

const percent = (rate: number | null) => (rate === null ? "—" : `${Math.round(rate * 100)}%`);

/** The clinic's waiting time, attendance and share reaching the MCID at discharge, by month and by therapist. */
export default async function ClinicFiguresPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  const query = await queryOf(searchParams);
  const result = await pageDataOrIssues(() => getClinicFigures(actor, query));
  if (!result.ok) {
    return (
      <>
        <PageHeader title="Clinic figures" />
        <PeriodForm action="/referrals/figures" period={defaultPeriod(new Date())} />
        <InputIssues issues={result.issues} />
      </>
    );
  }
  const { period, total, byMonth, byTherapist, waitingNow } = result.data;
  return (
    <>
      <PageHeader
        title="Clinic figures"
        subtitle={`${period.from} to ${period.to} · ${waitingNow} accepted referral${waitingNow === 1 ? "" : "s"} not yet seen`}
      />
      <PeriodForm action="/referrals/figures" period={period} />
      <p className="mb-4 max-w-3xl text-sm text-muted">
        Waiting: days from the referral to its first attended visit, for referrals first seen in the period (median). Attendance: attended visits over
        visits recorded, a no-show counting as missed. MCID: discharges whose Oswestry change (or PEG, without Oswestry) reached the minimal clinically
        important difference, over discharges with that change measured.
      </p>
      <FigureTable caption="By month" rowLabel="Month" rows={[...byMonth, { ...total, label: "Whole period" }]} />
      <div className="mt-6">
        <FigureTable caption="By therapist" rowLabel="Therapist" rows={byTherapist} empty="No visits, first visits or discharges in this period." />
      </div>
    </>
  );
}

function FigureTable({ caption, rowLabel, rows, empty }: { caption: string; rowLabel: string; rows: FigureRow[]; empty?: string }) {
  if (rows.length === 0) return <p className="rounded-lg border border-line bg-white p-6 text-muted">{empty}</p>;
  return (
    <TableRegion label={caption}>
      <table className="w-full text-left text-sm">
        <caption className="px-4 py-2 text-left font-semibold">{caption}</caption>
        <TableHead columns={[rowLabel, "First visits", "Median wait (days)", "Attendance", "Reached the MCID at discharge"]} />
        <tbody>
          {rows.map((row) => (
            <tr key={row.key + row.label} className="border-b border-line last:border-0">
              <th scope="row" className="px-4 py-2 font-medium">
                {row.label}
              </th>
              <td className="px-4 py-2">{row.firstVisits}</td>
              <td className="px-4 py-2">{row.medianWaitDays ?? "—"}</td>
              <td className="px-4 py-2">
                {percent(row.attendanceRate)} <span className="text-muted">({row.attended} of {row.visits})</span>
              </td>
              <td className="px-4 py-2">
                {percent(row.mcidRate)} <span className="text-muted">({row.reachedMcid} of {row.dischargesMeasured})</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
