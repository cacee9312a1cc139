import type { Db } from "@/lib/db/prisma-client";
import { chainHash, GENESIS_HASH } from "./audit-log";

export type ChainStatus = { intact: boolean; events: number; firstBroken: { id: string; reason: string } | null };

const BATCH = 5000;

/** Walks the whole audit trail in order, recomputing every hash: the first row that does not link is reported. */
export async function verifyAuditChain(db: Db): Promise<ChainStatus> {
  let previous = GENESIS_HASH;
  let after = BigInt(0);
  let events = 0;
  for (;;) {
    const rows = await db.auditEvent.findMany({ where: { id: { gt: after } }, orderBy: { id: "asc" }, take: BATCH });
    if (rows.length === 0) return { intact: true, events, firstBroken: null };
    for (const row of rows) {
      const id = row.id.toString();
      if (row.prevHash !== previous) return { intact: false, events, firstBroken: { id, reason: "does not link to the event before it (an event was removed or reordered)" } };
      if (chainHash(row.prevHash, row) !== row.hash) return { intact: false, events, firstBroken: { id, reason: "its content no longer matches its hash (it was altered)" } };
      previous = row.hash;
      events += 1;
    }
    after = rows.at(-1)!.id;
  }
}
