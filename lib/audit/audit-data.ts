import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/access/actor";
import { parseInput } from "@/lib/validation";
import { authorize } from "./guard";
import { recordAudit } from "./audit-log";
import type { AuditEventPage } from "./audit-dto";
import { verifyAuditChain, type ChainStatus } from "./verify-chain";
import { auditChainKey } from "./chain-key";
import { sealPendingEvents } from "./audit-sealer";

const PAGE_SIZE = 50;

const listInput = z.object({
  // An event number: a bigint id, so at most 19 digits.
  before: z.string().regex(/^\d{1,18}$/, { error: "before must be an event number" }).optional(),
});

/** The organization's audit trail (and sign-in attempts for no known account), newest first, a page at a time. Reading it is itself an audit event. */
export async function listAuditEvents(actor: Actor, input: unknown): Promise<AuditEventPage> {
  await authorize(db(), actor, "read", "audit-trail", { action: "audit.list" });
  const { before } = parseInput(listInput, input);
  const rows = await db().$transaction(async (tx) => {
    const found = await tx.auditEvent.findMany({
      // Sign-in attempts for no known account belong to no organization; every organization's trail shows them (they
      // carry the address and time, never the email tried), since they may be aimed at anyone.
      where: { OR: [{ organizationId: actor.organizationId }, { organizationId: null, action: "auth.sign-in" }], ...(before ? { id: { lt: BigInt(before) } } : {}) },
      orderBy: { id: "desc" },
      take: PAGE_SIZE + 1,
      select: {
        id: true,
        at: true,
        actorRole: true,
        action: true,
        outcome: true,
        entityType: true,
        entityId: true,
        patientId: true,
        detail: true,
        sourceAddress: true,
        actor: { select: { name: true } },
      },
    });
    await recordAudit(tx, { actor, action: "audit.list", outcome: "success", detail: { page: before ?? "latest" } });
    return found;
  });
  const items = rows.slice(0, PAGE_SIZE).map((row) => ({
    id: row.id.toString(),
    at: row.at.toISOString(),
    actorName: row.actor?.name ?? null,
    actorRole: row.actorRole,
    action: row.action,
    outcome: row.outcome,
    entityType: row.entityType,
    entityId: row.entityId,
    patientId: row.patientId,
    detail: JSON.stringify(row.detail),
    sourceAddress: row.sourceAddress,
  }));
  return { items, hasMore: rows.length > PAGE_SIZE, before: items.at(-1)?.id ?? null };
}

/**
 * Verifies the hash chain for an auditor or administrator, from the last verified checkpoint on, after sealing what
 * is waiting (as the background sealer would within a second), so the events just viewed are part of it. The check
 * itself is recorded.
 */
export async function auditChainStatus(actor: Actor): Promise<ChainStatus> {
  await authorize(db(), actor, "read", "audit-trail", { action: "audit.verify" });
  const key = auditChainKey();
  await sealPendingEvents(db(), key);
  const status = await verifyAuditChain(db(), key);
  await recordAudit(db(), { actor, action: "audit.verify", outcome: "success", detail: { intact: status.intact, events: status.events, firstBroken: status.firstBroken?.id ?? null } });
  return status;
}
