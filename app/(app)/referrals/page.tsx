import type { Metadata } from "next";
import { TableHead } from "@/components/ui/table-head";
import { TableRegion } from "@/components/ui/table-region";
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { pageData } from "@/lib/http/page-data";
import { listReferrals, QUEUE_FILTERS, type QueueFilter } from "@/lib/referrals/referrals-data";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";

export const metadata: Metadata = { title: "Referrals" };

const PRIORITY_TONE = { urgent: "critical", soon: "warning", routine: "neutral" } as const;

export default async function ReferralsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const { status } = await searchParams;
  const filter = (QUEUE_FILTERS as readonly string[]).includes(String(status)) ? (status as QueueFilter) : "open";
  const referrals = await pageData(() => listReferrals(actor, { status: filter }));
  return (
    <>
      <PageHeader
        title={actor.role === "physical_therapist" ? "Referral queue" : "Referrals"}
        subtitle={`${referrals.length} ${filter === "all" ? "in all" : filter.replace("_", " ")}`}
      />
      <nav aria-label="Filter by status" className="mb-4 flex flex-wrap gap-1 text-sm">
        {QUEUE_FILTERS.map((option) => (
          <Link
            key={option}
            href={`/referrals?status=${option}`}
            aria-current={option === filter ? "page" : undefined}
            className={`rounded-md px-3 py-1 ${option === filter ? "bg-brand text-white" : "border border-line bg-white"}`}
          >
            {option.replace("_", " ")}
          </Link>
        ))}
      </nav>
      {referrals.length === 0 ? (
        <p className="rounded-lg border border-line bg-white p-6 text-muted">No referrals.</p>
      ) : (
        <TableRegion label="Referrals table">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Referrals</caption>
            <TableHead columns={["Patient", "Status", "Priority", "Referred", "From", "To", "Covered visits left"]} />
            <tbody>
              {referrals.map((referral) => (
                <tr key={referral.id} className="border-b border-line last:border-0">
                  <td className="px-4 py-2">
                    <Link href={`/referrals/${referral.id}`} className="font-medium text-brand underline-offset-2 hover:underline">
                      {referral.patientName}
                    </Link>
                  </td>
                  <td className="px-4 py-2">
                    <Badge tone="info">{referral.status.replace("_", " ")}</Badge>
                  </td>
                  <td className="px-4 py-2">
                    <Badge tone={PRIORITY_TONE[referral.priority]}>{referral.priority}</Badge>
                  </td>
                  <td className="px-4 py-2">
                    {referral.createdAt} <span className="text-muted">({referral.ageDays} d)</span>
                  </td>
                  <td className="px-4 py-2">{referral.referringClinicianName}</td>
                  <td className="px-4 py-2">{referral.toSiteName}</td>
                  <td className="px-4 py-2">{referral.coveredVisitsLeft ?? "unknown"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </>
  );
}
