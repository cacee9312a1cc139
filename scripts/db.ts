// npm run db:migrate | db:seed — against DATABASE_URL, or the embedded database when it is unset.
import { createPrismaClient } from "../lib/db/prisma-client";
import { seedDemo } from "../prisma/seed";
import { readLaunchEnv } from "./launch-env";
import { applyAuditChainKey, demoSecret, openDatabase, prepareDatabase } from "./database";

const command = process.argv[2];

async function main(): Promise<void> {
  if (command !== "migrate" && command !== "seed") throw new Error("usage: tsx scripts/db.ts migrate|seed");
  const env = readLaunchEnv(process.env);
  applyAuditChainKey(env);
  const database = await openDatabase(env);
  try {
    const result = await prepareDatabase(env, database);
    console.log(`migrations: ${result.applied.length} applied (${result.applied.join(", ") || "none"}), ${result.alreadyApplied} already in place`);
    if (command === "seed") {
      const prisma = createPrismaClient(database.url);
      const today = new Date();
      const seeded = await seedDemo(prisma, new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate())), env.NEXTAUTH_SECRET ?? demoSecret(env.BACKSTEP_DATA_DIR));
      await prisma.$disconnect();
      console.log(seeded.created ? `demo data created: ${seeded.patients} patients` : `demo data already present: ${seeded.patients} patients`);
    }
  } finally {
    await database.close();
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
