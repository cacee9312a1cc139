import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/access/actor";
import { authorize } from "@/lib/audit/guard";
import { recordAudit } from "@/lib/audit/audit-log";
import { parseInput } from "@/lib/validation";
import { toIsoDate } from "@/lib/dates";
import type { ReferralQueueItem } from "./referral-dto";
import { visibleReferrals } from "./referral-scope";

export const QUEUE_FILTERS = ["open", "new", "accepted", "scheduled", "in_progress", "discharged", "declined", "all"] as const;
export type QueueFilter = (typeof QUEUE_FILTERS)[number];

const listInput = z.object({
  status: z.enum(QUEUE_FILTERS, { error: `status must be one of ${QUEUE_FILTERS.join(", ")}` }).default("open"),
});

const OPEN = ["new", "accepted", "scheduled", "in_progress"] as const;

const PRIORITY_ORDER = { urgent: 0, soon: 1, routine: 2 } as const;

/** Referrals the actor may see (a therapist: their clinic's only), most urgent and oldest first; open ones unless asked. */
export async function listReferrals(actor: Actor, input: unknown): Promise<ReferralQueueItem[]> {
  await authorize(db(), actor, "read", "referral", { action: "referral.list" });
  const { status } = parseInput(listInput, input);
  const rows = await db().$transaction(async (tx) => {
    const found = await tx.referral.findMany({
      where: { AND: [visibleReferrals(actor), status === "all" ? {} : status === "open" ? { status: { in: [...OPEN] } } : { status }] },
      orderBy: { createdAt: "asc" },
      take: 500,
      select: {
        id: true,
        status: true,
        priority: true,
        createdAt: true,
        coveredVisitsLeft: true,
        patient: { select: { id: true, givenName: true, familyName: true } },
        referringClinician: { select: { name: true } },
        toSite: { select: { name: true } },
      },
    });
    await recordAudit(tx, { actor, action: "referral.list", outcome: "success", detail: { status, results: found.length } });
    return found;
  });
  const now = Date.now();
  return rows
    .map((row) => ({
      id: row.id,
      patientId: row.patient.id,
      patientName: `${row.patient.familyName}, ${row.patient.givenName}`,
      status: row.status,
      priority: row.priority,
      referringClinicianName: row.referringClinician.name,
      toSiteName: row.toSite.name,
      createdAt: toIsoDate(row.createdAt),
      ageDays: Math.floor((now - row.createdAt.getTime()) / 86_400_000),
      coveredVisitsLeft: row.coveredVisitsLeft,
    }))
    .sort((a, b) => PRIORITY_ORDER[a.priority] - PRIORITY_ORDER[b.priority]);
}
