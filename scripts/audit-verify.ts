// npm run audit:verify [-- --full] — seals events waiting for it, then checks the audit chain of the configured
// database (DATABASE_URL, or the embedded one) from the last verified checkpoint on, or with --full from the first
// event, and reports the first broken link. Exits 1 when the chain is broken.
import { createPrismaClient } from "../lib/db/prisma-client";
import { verifyAuditChain } from "../lib/audit/verify-chain";
import { sealPendingEvents } from "../lib/audit/audit-sealer";
import { readLaunchEnv } from "./launch-env";
import { openDatabase, applyAuditChainKey } from "./database";

const full = process.argv.includes("--full");
const env = readLaunchEnv(process.env);
const key = applyAuditChainKey(env);
const database = await openDatabase(env);
const prisma = createPrismaClient(database.url);
try {
  const sealed = await sealPendingEvents(prisma, key);
  if (sealed) console.log(`sealed ${sealed} event(s) that were waiting`);
  const status = await verifyAuditChain(prisma, key, { full });
  if (status.intact) {
    const head = await prisma.auditSeal.findFirst({ orderBy: { seq: "desc" }, select: { eventId: true, hash: true } });
    const scope = full ? "from the first event" : `${status.checkedNow} read now, the rest held by the last verified checkpoint (--full reads them all)`;
    console.log(`audit chain intact: ${status.events} events and ${status.checkpoints} signed checkpoints verified (${scope})`);
    if (status.awaitingSeal.count) console.log(`${status.awaitingSeal.count} event(s) committed since are waiting to be sealed`);
    // Kept somewhere else (a ticket, a log), the head lets a later check show that no newer events were removed.
    if (head) console.log(`head: event #${head.eventId} ${head.hash}`);
  } else {
    console.log(`audit chain BROKEN at event #${status.firstBroken?.id}: ${status.firstBroken?.reason} (${status.events} events verified before it)`);
    process.exitCode = 1;
  }
} finally {
  await prisma.$disconnect();
  await database.close();
}
