import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";

export type Db = PrismaClient;

// Every database, embedded or a PostgreSQL server, is reached over the Postgres wire protocol,
// so the app has one code path; the embedded one is served by lib/db/embedded-server.ts.
export function createPrismaClient(databaseUrl: string): Db {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: 10 }) });
}
