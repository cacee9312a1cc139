import type { Db } from "@/lib/db/prisma-client";
import type { Prisma } from "@/lib/db/generated/client";
import { chainHash, CHECKPOINT_EVERY, checkpointSignature, GENESIS_HASH, verificationSignature, type VerifiedMark } from "./chain-hash";

export type ChainStatus = {
  intact: boolean;
  /** Seals verified from the start of the chain: at earlier verifications (up to the last signed mark) and now. */
  events: number;
  checkpoints: number;
  /** Seals read by this verification; the rest were verified before and are trusted through the signed mark. */
  checkedNow: number;
  /** Events committed but not sealed yet, and when the oldest of them happened. */
  awaitingSeal: { count: number; oldestAt: string | null };
  firstBroken: { id: string; reason: string } | null;
};

const BATCH = 5000;

/**
 * Checks the audit chain with its key: every seal's hash and link, every signed checkpoint, and that every event is
 * sealed or waiting to be. It starts from the last verified checkpoint (a mark signed with the key, in
 * audit_verification), so each check reads only what was sealed since; `full` walks from the first event. A check that
 * passes a new checkpoint signs a new mark.
 */
export function verifyAuditChain(db: Db, key: string, { full = false }: { full?: boolean } = {}): Promise<ChainStatus> {
  // One snapshot for the whole check, so seals, checkpoints and markers written meanwhile cannot look like gaps.
  return db.$transaction((tx) => verifyIn(tx, key, full), { isolationLevel: "RepeatableRead", timeout: 30 * 60_000 });
}

async function verifyIn(db: Prisma.TransactionClient, key: string, full: boolean): Promise<ChainStatus> {
  const mark = full ? null : await db.auditVerification.findFirst({ orderBy: { seq: "desc" } });
  let previous = GENESIS_HASH;
  let after = BigInt(0);
  let events = 0;
  let checkpointsSeen = 0;
  let keyedSeen = false;
  let eventsBelow = BigInt(0);
  let checkedNow = 0;
  const status = (firstBroken: ChainStatus["firstBroken"], awaitingSeal: ChainStatus["awaitingSeal"] = { count: 0, oldestAt: null }): ChainStatus => ({
    intact: firstBroken === null,
    events,
    checkpoints: checkpointsSeen,
    checkedNow,
    awaitingSeal,
    firstBroken,
  });
  const broken = (id: bigint, reason: string) => status({ id: id.toString(), reason });

  if (mark) {
    if (mark.signature !== verificationSignature(key, mark)) return broken(mark.seq, "the record of an earlier verification is not signed with the chain's key (it was forged)");
    const seal = await db.auditSeal.findUnique({ where: { seq: mark.seq }, select: { eventId: true, hash: true, keyed: true } });
    if (seal?.hash !== mark.hash) return broken(seal?.eventId ?? mark.seq, "the seal verified earlier is gone or changed (the chain was rewritten)");
    previous = mark.hash;
    after = mark.seq;
    events = Number(mark.seals);
    checkpointsSeen = Number(mark.checkpoints);
    keyedSeen = seal.keyed;
    eventsBelow = mark.eventsBelow;
  }

  const checkpoints = new Map((await db.auditCheckpoint.findMany({ where: { seq: { gt: after } } })).map((c) => [c.seq, c]));
  let lastVerifiedCheckpoint: Omit<VerifiedMark, "eventsBelow"> | null = null;
  let sinceCheckpoint = 0;
  for (;;) {
    const seals = await db.auditSeal.findMany({ where: { seq: { gt: after } }, orderBy: { seq: "asc" }, take: BATCH, include: { event: true } });
    if (seals.length === 0) break;
    for (const seal of seals) {
      const id = seal.eventId;
      if (seal.prevHash !== previous) return broken(id, "does not link to the event sealed before it (an event was removed or reordered)");
      if (!seal.keyed && keyedSeen) return broken(id, "is not keyed although events before it are (sealed without the chain's key)");
      if (chainHash(seal.prevHash, seal.event, seal.keyed ? key : null) !== seal.hash) return broken(id, "its content no longer matches its hash (it was altered)");
      keyedSeen ||= seal.keyed;
      events += 1;
      checkedNow += 1;
      const checkpoint = checkpoints.get(seal.seq);
      if (checkpoint) {
        if (checkpoint.hash !== seal.hash || checkpoint.signature !== checkpointSignature(key, seal.seq, seal.hash)) return broken(id, "its signed checkpoint does not match (the chain was rewritten)");
        checkpoints.delete(seal.seq);
        checkpointsSeen += 1;
        sinceCheckpoint = 0;
        lastVerifiedCheckpoint = { seq: seal.seq, hash: seal.hash, seals: BigInt(events), checkpoints: BigInt(checkpointsSeen) };
      } else if (seal.keyed && ++sinceCheckpoint > CHECKPOINT_EVERY) {
        return broken(id, `no signed checkpoint in the ${CHECKPOINT_EVERY} events sealed before it (checkpoints were removed)`);
      }
      previous = seal.hash;
    }
    after = seals.at(-1)!.seq;
  }
  const orphan = [...checkpoints.values()][0];
  if (orphan) return broken(orphan.seq, "a signed checkpoint names this position in the chain, which is gone (the newest events were removed)");

  const unsealed = await unsealedEvents(db, eventsBelow);
  if (unsealed.withoutMarker !== null) return broken(unsealed.withoutMarker, "has no seal and is not waiting for one (its pending marker was removed)");
  const awaitingSeal = { count: unsealed.pending, oldestAt: unsealed.oldestPendingAt?.toISOString() ?? null };

  if (lastVerifiedCheckpoint) {
    const next: VerifiedMark = { ...lastVerifiedCheckpoint, eventsBelow: unsealed.allSealedThrough };
    await db.auditVerification.createMany({ data: [{ ...next, signature: verificationSignature(key, next), at: new Date() }], skipDuplicates: true });
  }
  return status(null, awaitingSeal);
}

type Unsealed = { withoutMarker: bigint | null; pending: number; oldestPendingAt: Date | null; allSealedThrough: bigint };

// The events after `below` that have no seal, in one snapshot (the sealer removes a marker in the transaction that
// seals its event, so every event shows one or the other): any without a pending marker either, how many are pending,
// and the highest id up to which every event is sealed.
async function unsealedEvents(db: Prisma.TransactionClient, below: bigint): Promise<Unsealed> {
  const [row] = await db.$queryRaw<{ without_marker: bigint | null; pending: bigint; oldest_pending_at: Date | null; first_unsealed: bigint | null; last_event: bigint | null }[]>`
    WITH unsealed AS (
      SELECT e.id, e.at, p.event_id IS NOT NULL AS pending
      FROM audit_event e
      LEFT JOIN audit_seal s ON s.event_id = e.id
      LEFT JOIN audit_pending p ON p.event_id = e.id
      WHERE e.id > ${below} AND s.event_id IS NULL
    )
    SELECT (SELECT min(id) FROM unsealed WHERE NOT pending) AS without_marker,
           (SELECT count(*) FROM unsealed WHERE pending) AS pending,
           (SELECT min(at) FROM unsealed WHERE pending) AS oldest_pending_at,
           (SELECT min(id) FROM unsealed) AS first_unsealed,
           (SELECT max(id) FROM audit_event WHERE id > ${below}) AS last_event`;
  const firstUnsealed = row?.first_unsealed ?? null;
  return {
    withoutMarker: row?.without_marker ?? null,
    pending: Number(row?.pending ?? 0),
    oldestPendingAt: row?.oldest_pending_at ?? null,
    allSealedThrough: firstUnsealed !== null ? firstUnsealed - BigInt(1) : (row?.last_event ?? below),
  };
}
