import type { Prisma } from "@/lib/db/generated/client";
import type { Actor } from "@/lib/access/actor";
import type { AuditAction, AuditOutcome } from "./audit-actions";

// The only writer of audit events. Each event is written in the transaction of the change it records, so neither
// exists without the other, in one statement that also marks it pending; it waits for no other writer. The sealer
// (audit-sealer.ts) chains it once that transaction has committed. An event that records no change (a read, a
// refusal) is that one statement on its own, which is atomic without a transaction around it.

export type AuditTx = Prisma.TransactionClient;
/** A transaction, or the client itself for an event that stands alone. */
type AuditWriter = Pick<Prisma.TransactionClient, "$executeRaw">;

export type AuditEventInput = {
  actor: Pick<Actor, "userId" | "role" | "organizationId" | "sourceAddress"> | null;
  action: AuditAction;
  outcome: AuditOutcome;
  organizationId?: string | null;
  entityType?: string;
  entityId?: string;
  patientId?: string | null;
  sourceAddress?: string | null;
  detail?: Record<string, string | number | boolean | null | string[]>;
};

export async function recordAudit(tx: AuditWriter, event: AuditEventInput, at: Date = new Date()): Promise<void> {
  const organizationId = event.organizationId ?? event.actor?.organizationId ?? null;
  const sourceAddress = event.sourceAddress ?? event.actor?.sourceAddress ?? null;
  await tx.$executeRaw`
    WITH event AS (
      INSERT INTO audit_event (at, actor_user_id, actor_role, organization_id, action, outcome, entity_type, entity_id, patient_id, source_address, detail)
      VALUES (${at}::timestamptz, ${event.actor?.userId ?? null}::uuid, ${event.actor?.role ?? null}::"Role", ${organizationId}::uuid, ${event.action},
              ${event.outcome}::"AuditOutcome", ${event.entityType ?? null}, ${event.entityId ?? null}, ${event.patientId ?? null}::uuid,
              ${sourceAddress}, ${JSON.stringify(event.detail ?? {})}::jsonb)
      RETURNING id
    )
    INSERT INTO audit_pending (event_id) SELECT id FROM event`;
}
