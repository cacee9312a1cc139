import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { pageDataOrIssues } from "@/lib/http/page-data";
import { listClinicAppointments } from "@/lib/referrals/appointments-data";
import { NO_SHOW_FOLLOW_UPS } from "@/lib/referrals/appointment-vocabulary";
import { addDays, fromIsoDate, toIsoDate } from "@/lib/dates";
import { PageHeader } from "@/components/ui/page-header";
import { InputIssues } from "@/components/ui/input-issues";
import { TableHead } from "@/components/ui/table-head";
import { TableRegion } from "@/components/ui/table-region";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";

export const metadata: Metadata = { title: "Schedule" };

const STATUS_TONE = { booked: "info", no_show: "warning", cancelled: "neutral" } as const;

/** The clinic's appointments for a day or a week; each row opens its referral, where a no-show is recorded. */
export default async function SchedulePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const params = await searchParams;
  const date = typeof params.date === "string" && params.date ? params.date : toIsoDate(new Date());
  const view = params.view === "week" ? "week" : "day";
  const listed = await pageDataOrIssues(() => listClinicAppointments(actor, { date, view }));
  const shift = (days: number) => {
    const valid = /^\d{4}-\d{2}-\d{2}$/.test(date) && !Number.isNaN(Date.parse(date));
    return toIsoDate(addDays(valid ? fromIsoDate(date) : new Date(), days));
  };
  const step = view === "week" ? 7 : 1;
  return (
    <>
      <PageHeader title="Schedule" subtitle={listed.ok ? (view === "day" ? `Appointments on ${listed.data.from}` : `Appointments from ${listed.data.from} to ${listed.data.to}`) : "Appointments"} />
      <form method="get" action="/referrals/schedule" aria-label="Choose the day" className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-line bg-white p-4 text-sm">
        <label className="flex flex-col gap-1">
          <span className="font-medium">Day</span>
          <input type="date" name="date" defaultValue={date} className="rounded-md border border-line px-2 py-1" />
        </label>
        <label className="flex flex-col gap-1">
          <span className="font-medium">Show</span>
          <select name="view" defaultValue={view} className="rounded-md border border-line px-2 py-1">
            <option value="day">the day</option>
            <option value="week">the week</option>
          </select>
        </label>
        <button type="submit" className={buttonClass("secondary")}>
          Show
        </button>
        <Link href={`/referrals/schedule?date=${shift(-step)}&view=${view}`} className="pb-1 text-brand underline">
          Previous {view}
        </Link>
        <Link href={`/referrals/schedule?date=${shift(step)}&view=${view}`} className="pb-1 text-brand underline">
          Next {view}
        </Link>
      </form>
      {!listed.ok && <InputIssues issues={listed.issues} />}
      {listed.ok &&
        (listed.data.appointments.length === 0 ? (
          <p className="rounded-lg border border-line bg-white p-6 text-muted">No appointments.</p>
        ) : (
          <TableRegion label="Appointments table">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Appointments</caption>
              <TableHead columns={["Date", "Time", "Minutes", "Patient", "Therapist", "Status"]} />
              <tbody>
                {listed.data.appointments.map((a) => (
                  <tr key={a.id} className="border-b border-line last:border-0">
                    <td className="whitespace-nowrap px-4 py-2">{a.date}</td>
                    <td className="px-4 py-2">{a.time}</td>
                    <td className="px-4 py-2">{a.minutes}</td>
                    <td className="px-4 py-2">
                      <Link href={`/referrals/${a.referralId}`} className="text-brand underline">
                        {a.patientName}
                      </Link>
                    </td>
                    <td className="px-4 py-2">{a.therapistName}</td>
                    <td className="px-4 py-2">
                      <Badge tone={STATUS_TONE[a.status]}>{a.status === "no_show" ? "no-show" : a.status}</Badge>
                      {a.followUp && <span className="ml-2 text-muted">{NO_SHOW_FOLLOW_UPS[a.followUp]}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        ))}
    </>
  );
}
