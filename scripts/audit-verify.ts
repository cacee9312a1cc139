// npm run audit:verify — checks the whole audit chain of the configured database (DATABASE_URL, or the embedded one)
// and reports the first broken link. Exits 1 when the chain is broken.
import { createPrismaClient } from "../lib/db/prisma-client";
import { verifyAuditChain } from "../lib/audit/verify-chain";
import { readLaunchEnv } from "./launch-env";
import { openDatabase } from "./database";

const database = await openDatabase(readLaunchEnv(process.env));
const prisma = createPrismaClient(database.url);
try {
  const status = await verifyAuditChain(prisma);
  if (status.intact) {
    console.log(`audit chain intact: ${status.events} events verified`);
  } else {
    console.log(`audit chain BROKEN at event #${status.firstBroken?.id}: ${status.firstBroken?.reason} (${status.events} events verified before it)`);
    process.exitCode = 1;
  }
} finally {
  await prisma.$disconnect();
  await database.close();
}
