// npm run audit:verify — checks the whole audit chain of the configured database (DATABASE_URL, or the embedded one)
// and reports the first broken link. Exits 1 when the chain is broken.
import { createPrismaClient } from "../lib/db/prisma-client";
import { verifyAuditChain } from "../lib/audit/verify-chain";
import { readLaunchEnv } from "./launch-env";
import { openDatabase, applyAuditChainKey } from "./database";

const env = readLaunchEnv(process.env);
const key = applyAuditChainKey(env);
const database = await openDatabase(env);
const prisma = createPrismaClient(database.url);
try {
  const status = await verifyAuditChain(prisma, key);
  if (status.intact) {
    const head = await prisma.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true, hash: true } });
    console.log(`audit chain intact: ${status.events} events and ${status.checkpoints} signed checkpoints verified`);
    // Kept somewhere else (a ticket, a log), the head lets a later check show that no newer events were removed.
    if (head) console.log(`head: event #${head.id} ${head.hash}`);
  } else {
    console.log(`audit chain BROKEN at event #${status.firstBroken?.id}: ${status.firstBroken?.reason} (${status.events} events verified before it)`);
    process.exitCode = 1;
  }
} finally {
  await prisma.$disconnect();
  await database.close();
}
