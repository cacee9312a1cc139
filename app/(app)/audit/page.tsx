import type { Metadata } from "next";
import { TableHead } from "@/components/ui/table-head";
import { TableRegion } from "@/components/ui/table-region";
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { pageData, pageDataOrIssues } from "@/lib/http/page-data";
import { InputIssues } from "@/components/ui/input-issues";
import { auditChainStatus, listAuditEvents } from "@/lib/audit/audit-data";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";

export const metadata: Metadata = { title: "Audit trail" };

const OUTCOME_TONE = { success: "ok", failure: "warning", denied: "critical" } as const;

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const { before } = await searchParams;
  const listed = await pageDataOrIssues(() => listAuditEvents(actor, { before: typeof before === "string" ? before : undefined }));
  const page = listed.ok ? listed.data : { items: [], hasMore: false, before: null };
  const chain = await pageData(() => auditChainStatus(actor));
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
      {!listed.ok && <InputIssues issues={listed.issues} />}
      <TableRegion label="Audit events table">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Audit events</caption>
          <TableHead columns={["#", "When (UTC)", "Who", "Action", "Outcome", "Entity", "Source", "Detail"]} />
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
                <td className="px-4 py-2 font-mono text-xs">{event.sourceAddress ?? ""}</td>
                <td className="px-4 py-2 font-mono text-xs text-muted">{event.detail === "{}" ? "" : event.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      {page.hasMore && page.before && (
        <Link href={`/audit?before=${page.before}`} className="mt-4 inline-block text-sm text-brand underline">
          Older events
        </Link>
      )}
    </>
  );
}
