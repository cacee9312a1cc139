// Another app process writing audit events and sealing them, for the audit chain's two-process test:
//   node --import tsx tests/support/audit-writer.ts <actor user id> <organization id> <count>
import { recordAudit } from "../../lib/audit/audit-log";
import { startAuditSealer } from "../../lib/audit/audit-sealer";
import { createPrismaClient } from "../../lib/db/prisma-client";

const [userId, organizationId, count] = process.argv.slice(2);
const db = createPrismaClient(process.env.DATABASE_URL!);
const sealer = startAuditSealer(db, process.env.AUDIT_CHAIN_KEY!, 20);
const actor = { userId: userId!, role: "auditor" as const, organizationId: organizationId!, sourceAddress: "192.0.2.10" };
try {
  await Promise.all(Array.from({ length: Number(count) }, (_, i) => db.$transaction((tx) => recordAudit(tx, { actor, action: "audit.list", outcome: "success", detail: { process: "other", i } }))));
} finally {
  await sealer.stop();
  await db.$disconnect();
}
