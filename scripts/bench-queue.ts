// npm run bench:queue — how long a PT clinic's referral queue takes to load with 10,000 referrals in the database.
// Run with the react-server condition (see package.json) so the server-only data-access modules load outside Next.
import { randomUUID } from "node:crypto";
import { DEMO_ACCOUNTS } from "../prisma/demo-accounts";
import { demoBenchDatabase, summarize } from "./bench-database";

const REFERRALS = 10_000;
const ROUNDS = 30;

const { prisma, actor, close } = await demoBenchDatabase(DEMO_ACCOUNTS[1].email);
const { listReferrals } = await import("../lib/referrals/referrals-data");

const template = await prisma.referral.findFirstOrThrow({ where: { toSiteId: actor.siteId! }, select: { organizationId: true, patientId: true, encounterId: true, referringClinicianId: true, toSiteId: true, classification: true } });
const statuses = ["new", "accepted", "scheduled", "in_progress", "discharged", "declined"] as const;
const priorities = ["routine", "soon", "urgent"] as const;
for (let start = 0; start < REFERRALS; start += 1000) {
  await prisma.referral.createMany({
    data: Array.from({ length: 1000 }, (_, i) => ({
      ...template,
      classification: template.classification ?? {},
      id: randomUUID(),
      status: statuses[(start + i) % statuses.length]!,
      priority: priorities[(start + i) % priorities.length]!,
      createdAt: new Date(Date.now() - ((start + i) % 365) * 86_400_000),
    })),
  });
}
await prisma.$executeRawUnsafe("ANALYZE");

const time = async (label: string, input: object) => {
  const samples: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const started = performance.now();
    await listReferrals(actor, input);
    samples.push(performance.now() - started);
  }
  console.log(`${label.padEnd(30)} ${summarize(samples)}`);
};
console.log(`${(await prisma.referral.count()).toLocaleString("en-US")} referrals in the database (embedded PGlite)`);
await time("whole queue (first 500)", {});
await time("new referrals only", { status: "new" });
await close();
