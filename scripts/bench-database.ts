import { openMemoryDatabase } from "../lib/db/embedded-server";
import { migrate } from "../lib/db/migrator";
import { createPrismaClient } from "../lib/db/prisma-client";
import { seedDemo } from "../prisma/seed";
import { resolveActor } from "../lib/auth/resolve-actor";
import type { Actor } from "../lib/access/actor";
import { percentile } from "./http-load";

/**
 * For the server benchmarks: an in-memory embedded database, migrated and filled with the demo data, that the
 * data-access modules use (they read DATABASE_URL), and the demo user to act as.
 */
export async function demoBenchDatabase(actorEmail: string) {
  const database = await openMemoryDatabase();
  process.env.DATABASE_URL = database.url;
  process.env.NEXTAUTH_SECRET ??= "benchmark-secret-that-is-long-enough-to-pass";
  process.env.AUDIT_CHAIN_KEY ??= "benchmark-audit-chain-key-long-enough-to-pass";
  await migrate(database.url);
  const prisma = createPrismaClient(database.url);
  await seedDemo(prisma, new Date(new Date().toISOString().slice(0, 10)), process.env.NEXTAUTH_SECRET);
  const user = await prisma.user.findUniqueOrThrow({ where: { email: actorEmail } });
  const actor = (await resolveActor(prisma, { userId: user.id, signedInAt: Date.now() })) as Actor;
  return {
    prisma,
    actor,
    close: async () => {
      await prisma.$disconnect();
      await database.close();
    },
  };
}

/** Median and 95th percentile of timings in milliseconds, as printed by the benchmarks. */
export function summarize(samples: number[]): string {
  return `median ${percentile(samples, 0.5).toFixed(1)} ms, p95 ${percentile(samples, 0.95).toFixed(1)} ms`;
}
