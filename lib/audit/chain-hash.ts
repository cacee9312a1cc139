import { createHash } from "node:crypto";
import { keyedDigest } from "./chain-key";

// How the chain is computed: each seal's hash is an HMAC (under AUDIT_CHAIN_KEY, which the database never sees) over
// the event's content and the hash of the seal before it, so an event altered, removed or inserted behind the app's
// back breaks the chain and cannot be re-hashed to hide it.

export const GENESIS_HASH = "0".repeat(64);
// Every this many seals the chain's head is signed into audit_checkpoint, so removing the newest seals (or rewriting
// the chain from the start) shows too.
export const CHECKPOINT_EVERY = 100;

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

/** The event's hash: keyed (HMAC-SHA256) for every event sealed now; `key` null for those chained before keying. */
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

export function checkpointSignature(key: string, seq: bigint, hash: string): string {
  return keyedDigest(key, "checkpoint", seq.toString(), hash);
}

export type VerifiedMark = { seq: bigint; hash: string; seals: bigint; checkpoints: bigint; eventsBelow: bigint };

export function verificationSignature(key: string, mark: VerifiedMark): string {
  return keyedDigest(key, "verified", mark.seq.toString(), mark.hash, mark.seals.toString(), mark.checkpoints.toString(), mark.eventsBelow.toString());
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
