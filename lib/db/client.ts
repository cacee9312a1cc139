import "server-only";
import { serverEnv } from "@/lib/env";
import { createPrismaClient, type Db } from "./prisma-client";
import { poolSettings } from "./pool-settings";

const globalForDb = globalThis as unknown as { backstepDb?: Db };

// One client per server process, kept on globalThis so development reloads do not open new pools.
export function db(): Db {
  globalForDb.backstepDb ??= createPrismaClient(serverEnv().DATABASE_URL, poolSettings(serverEnv()));
  return globalForDb.backstepDb;
}
