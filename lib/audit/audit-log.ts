import { createHash } from "node:crypto";
import { auditChainKey, keyedDigest } from "./chain-key";
import type { Prisma } from "@/lib/db/generated/client";
import type { Actor } from "@/lib/access/actor";
import type { AuditAction, AuditOutcome } from "./audit-actions";

// The only writer of audit events. Each event is written in the transaction of the change it records, and carries
// an HMAC (under AUDIT_CHAIN_KEY, which the database never sees) over its content and the hash of the event before it,
// so a row altered, removed or inserted behind the app's back breaks the chain, and cannot be re-hashed to hide it.
// Every CHECKPOINT_EVERY events the head of the chain is signed into audit_checkpoint, so removing the newest events
// (or rewriting the chain from the start) shows too.

export type AuditTx = Prisma.TransactionClient;

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

export const GENESIS_HASH = "0".repeat(64);
export const CHECKPOINT_EVERY = 100;

// Serializes writers so each event links to the one committed just before it.
const AUDIT_CHAIN_LOCK = 4_182_773;

export async function recordAudit(tx: AuditTx, event: AuditEventInput, at: Date = new Date()): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`;
  const last = await tx.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { hash: true } });
  const prevHash = last?.hash ?? GENESIS_HASH;
  const row = {
    at,
    actorUserId: event.actor?.userId ?? null,
    actorRole: event.actor?.role ?? null,
    organizationId: event.organizationId ?? event.actor?.organizationId ?? null,
    action: event.action,
    outcome: event.outcome,
    entityType: event.entityType ?? null,
    entityId: event.entityId ?? null,
    patientId: event.patientId ?? null,
    sourceAddress: event.sourceAddress ?? event.actor?.sourceAddress ?? null,
    detail: event.detail ?? {},
  };
  const key = auditChainKey();
  const hash = chainHash(prevHash, row, key);
  const { id } = await tx.auditEvent.create({ data: { ...row, prevHash, hash, keyed: true }, select: { id: true } });
  const checkpoint = await tx.auditCheckpoint.findFirst({ orderBy: { eventId: "desc" }, select: { eventId: true } });
  if (!checkpoint || id - checkpoint.eventId >= BigInt(CHECKPOINT_EVERY)) {
    await tx.auditCheckpoint.create({ data: { eventId: id, hash, signature: checkpointSignature(key, id, hash), at } });
  }
}

export function checkpointSignature(key: string, eventId: bigint, hash: string): string {
  return keyedDigest(key, "checkpoint", eventId.toString(), hash);
}

export type ChainedFields = {
  at: Date;
  actorUserId: string | null;
  actorRole: string | null;
  organizationId: string | null;
  action: string;
  outcome: string;
  entityType: string | null;
  entityId: string | null;
  patientId: string | null;
  sourceAddress: string | null;
  detail: unknown;
};

/** The event's hash: keyed (HMAC-SHA256) for every event written now; `key` null for those written before keying. */
export function chainHash(prevHash: string, row: ChainedFields, key: string | null): string {
  // Exactly these fields, so a stored row (which has more) hashes the same as the event that was written.
  const canonical = canonicalJson({
    at: row.at.toISOString(),
    actorUserId: row.actorUserId,
    actorRole: row.actorRole,
    organizationId: row.organizationId,
    action: row.action,
    outcome: row.outcome,
    entityType: row.entityType,
    entityId: row.entityId,
    patientId: row.patientId,
    sourceAddress: row.sourceAddress,
    detail: row.detail,
  });
  if (key) return keyedDigest(key, prevHash, canonical);
  return createHash("sha256").update(prevHash).update("\n").update(canonical).digest("hex");
}

// JSON with keys sorted at every level, so the same event always hashes the same.
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}
