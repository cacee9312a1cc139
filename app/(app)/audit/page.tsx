import type { Metadata } from "next";
import { TableHead } from "@/components/ui/table-head";
import { TableRegion } from "@/components/ui/table-region";
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { pageData, pageDataOrIssues } from "@/lib/http/page-data";
import { InputIssues } from "@/components/ui/input-issues";
import { auditChainStatus, auditFilterOptions, listAuditEvents } from "@/lib/audit/audit-data";
import type { AuditFilters } from "@/lib/audit/audit-dto";
import { can } from "@/lib/access/policy";
import { AuditFilterForm } from "@/components/audit/audit-filter-form";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";

export const metadata: Metadata = { title: "Audit trail" };

const OUTCOME_TONE = { success: "ok", failure: "warning", denied: "critical" } as const;
const FILTER_NAMES = ["user", "action", "outcome", "patient", "from", "to", "address"] as const;

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const params = await searchParams;
  const text = (name: string) => (typeof params[name] === "string" ? (params[name] as string) : undefined);
  const filters = Object.fromEntries(FILTER_NAMES.flatMap((name) => (text(name) ? [[name, text(name)]] : []))) as AuditFilters;
  const listed = await pageDataOrIssues(() => listAuditEvents(actor, { ...filters, before: text("before") }));
  const page = listed.ok ? listed.data : { items: [], hasMore: false, before: null };
  const [chain, options] = await Promise.all([pageData(() => auditChainStatus(actor)), pageData(() => auditFilterOptions(actor))]);
  const query = new URLSearchParams(filters as Record<string, string>);
  return (
    <>
      <PageHeader title="Audit trail" subtitle="Every sign-in, record view and change in your organization, newest first. Events cannot be edited or deleted." />
      <section aria-label="Chain verification" className={`mb-4 rounded-lg border p-4 text-sm ${chain.intact ? "border-ok/40 bg-green-50" : "border-critical bg-red-50"}`}>
        {chain.intact ? (
          <p>
            <span className="font-semibold">Chain intact:</span> all {chain.events} events verified, each linked by hash to the one before
            ({chain.checkedNow} checked now; those before were verified earlier and are held by a signed checkpoint).
            {chain.awaitingSeal.count > 0 && ` ${chain.awaitingSeal.count} newer events are waiting to be sealed into the chain (the oldest from ${chain.awaitingSeal.oldestAt?.replace("T", " ").slice(0, 19)} UTC).`}
          </p>
        ) : (
          <p>
            <span className="font-semibold text-critical">Chain broken at event #{chain.firstBroken?.id}:</span> {chain.firstBroken?.reason}. {chain.events} events before it verified.
          </p>
        )}
      </section>
      <AuditFilterForm filters={filters} options={options} />
      {!listed.ok && <InputIssues issues={listed.issues} />}
      <p className="mb-2 text-sm text-muted">
        Event numbers follow the order events were written across every organization on this server, so gaps are other organizations&apos; events.{" "}
        {can(actor.role, "export", "audit-trail") && (
          <a href={`/audit/export?${query.toString()}`} className="text-brand underline">
            Export these events (CSV)
          </a>
        )}
      </p>
      <TableRegion label="Audit events table">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Audit events</caption>
          <TableHead columns={["#", "When (UTC)", "Who", "Action", "Outcome", "Entity", "Patient", "Source", "Detail"]} />
          <tbody>
            {page.items.map((event) => (
              <tr key={event.id} className="border-b border-line align-top last:border-0">
                <td className="px-4 py-2 font-mono text-xs text-muted">{event.id}</td>
                <td className="whitespace-nowrap px-4 py-2">{event.at.replace("T", " ").slice(0, 19)}</td>
                <td className="px-4 py-2">{event.actorName ?? <span className="text-muted">unknown</span>}</td>
                <td className="px-4 py-2 font-mono text-xs">{event.action}</td>
                <td className="px-4 py-2">
                  <Badge tone={OUTCOME_TONE[event.outcome]}>{event.outcome}</Badge>
                </td>
                <td className="px-4 py-2 font-mono text-xs">{event.entityType ? `${event.entityType} ${event.entityId?.slice(0, 8) ?? ""}` : "—"}</td>
                <td className="px-4 py-2">{event.patientName ?? (event.patientId ? <span className="font-mono text-xs">{event.patientId.slice(0, 8)}</span> : "")}</td>
                <td className="px-4 py-2 font-mono text-xs">{event.sourceAddress ?? ""}</td>
                <td className="px-4 py-2 text-xs">
                  {event.detail.length > 0 && (
                    <dl className="grid grid-cols-[auto_1fr] gap-x-2">
                      {event.detail.map(([key, value]) => (
                        <div key={key} className="contents">
                          <dt className="text-muted">{key}</dt>
                          <dd className="break-all">{value}</dd>
                        </div>
                      ))}
                    </dl>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      {page.hasMore && page.before && (
        <Link href={`/audit?${new URLSearchParams({ ...filters, before: page.before }).toString()}`} className="mt-4 inline-block text-sm text-brand underline">
          Older events
        </Link>
      )}
    </>
  );
}
