import type { Db } from "@/lib/db/prisma-client";
import { chainHash, CHECKPOINT_EVERY, checkpointSignature, GENESIS_HASH } from "./audit-log";

export type ChainStatus = { intact: boolean; events: number; checkpoints: number; firstBroken: { id: string; reason: string } | null };

const BATCH = 5000;

/**
 * Walks the whole audit trail in order with the chain's key, recomputing every hash and checking every signed
 * checkpoint: the first event that does not hold is reported. Events written before the chain was keyed are checked
 * by their plain hash, and only before the first keyed one.
 */
export async function verifyAuditChain(db: Db, key: string): Promise<ChainStatus> {
  const checkpoints = new Map((await db.auditCheckpoint.findMany()).map((c) => [c.eventId.toString(), c]));
  const total = checkpoints.size;
  let previous = GENESIS_HASH;
  let after = BigInt(0);
  let events = 0;
  let keyedSeen = false;
  let sinceCheckpoint = 0;
  const broken = (id: string, reason: string): ChainStatus => ({ intact: false, events, checkpoints: total, firstBroken: { id, reason } });
  for (;;) {
    const rows = await db.auditEvent.findMany({ where: { id: { gt: after } }, orderBy: { id: "asc" }, take: BATCH });
    if (rows.length === 0) break;
    for (const row of rows) {
      const id = row.id.toString();
      if (row.prevHash !== previous) return broken(id, "does not link to the event before it (an event was removed or reordered)");
      if (!row.keyed && keyedSeen) return broken(id, "is not keyed although events before it are (written without the chain's key)");
      if (chainHash(row.prevHash, row, row.keyed ? key : null) !== row.hash) return broken(id, "its content no longer matches its hash (it was altered)");
      keyedSeen ||= row.keyed;
      const checkpoint = checkpoints.get(id);
      if (checkpoint) {
        if (checkpoint.hash !== row.hash || checkpoint.signature !== checkpointSignature(key, row.id, row.hash)) return broken(id, "its signed checkpoint does not match (the chain was rewritten)");
        checkpoints.delete(id);
        sinceCheckpoint = 0;
      } else if (row.keyed && ++sinceCheckpoint > CHECKPOINT_EVERY) {
        return broken(id, `no signed checkpoint in the ${CHECKPOINT_EVERY} events before it (checkpoints were removed)`);
      }
      previous = row.hash;
      events += 1;
    }
    after = rows.at(-1)!.id;
  }
  const orphan = [...checkpoints.keys()][0];
  if (orphan) return broken(orphan, "a signed checkpoint names this event, which is gone (the newest events were removed)");
  return { intact: true, events, checkpoints: total, firstBroken: null };
}
