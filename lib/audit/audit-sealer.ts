import type { Db } from "@/lib/db/prisma-client";
import { repeatInBackground, type BackgroundPass } from "@/lib/background-pass";
import { chainHash, CHECKPOINT_EVERY, checkpointSignature, GENESIS_HASH } from "./chain-hash";

// Chains committed events into audit_seal. One sealer at a time across every app process (a transaction-scoped
// advisory lock), so the chain has one order; writers never take that lock, so no request waits on another's audit.
// The events a sealer takes are those whose pending marker it can see, which means their transactions committed:
// an event whose transaction is still open is sealed on a later pass, in whatever position the chain has reached then.
// Sealing is one transaction: the seals, any checkpoint, and the removal of the pending markers land together or not
// at all, so a crash at any point leaves every event either sealed or still pending, never lost.

const SEALER_LOCK = 4_182_774;
const BATCH = 1000;

/** Seals every committed pending event; returns how many it sealed. */
export async function sealPendingEvents(db: Db, key: string): Promise<number> {
  let total = 0;
  for (;;) {
    const sealed = await db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEALER_LOCK})`;
      const pending = await tx.auditPending.findMany({ orderBy: { eventId: "asc" }, take: BATCH, select: { event: true } });
      if (pending.length === 0) return 0;
      const head = await tx.auditSeal.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
      const lastCheckpoint = await tx.auditCheckpoint.findFirst({ orderBy: { seq: "desc" }, select: { seq: true } });
      const sealedAt = new Date();
      let seq = head?.seq ?? BigInt(0);
      let prevHash = head?.hash ?? GENESIS_HASH;
      let checkpointedAt = lastCheckpoint?.seq ?? null;
      const seals = [];
      const checkpoints = [];
      for (const { event } of pending) {
        seq += BigInt(1);
        const hash = chainHash(prevHash, event, key);
        seals.push({ seq, eventId: event.id, prevHash, hash, keyed: true, sealedAt });
        if (checkpointedAt === null || seq - checkpointedAt >= BigInt(CHECKPOINT_EVERY)) {
          checkpoints.push({ seq, hash, signature: checkpointSignature(key, seq, hash), at: sealedAt });
          checkpointedAt = seq;
        }
        prevHash = hash;
      }
      await tx.auditSeal.createMany({ data: seals });
      if (checkpoints.length) await tx.auditCheckpoint.createMany({ data: checkpoints });
      await tx.auditPending.deleteMany({ where: { eventId: { in: seals.map((seal) => seal.eventId) } } });
      return seals.length;
    });
    total += sealed;
    if (sealed < BATCH) return total;
  }
}

/** Seals on a timer in this process (every app process runs one; the lock makes them take turns), within about `intervalMs` of each commit. */
export function startAuditSealer(db: Db, key: string, intervalMs = 500, onError: (error: unknown) => void = () => {}): BackgroundPass {
  return repeatInBackground(() => sealPendingEvents(db, key), intervalMs, onError);
}
