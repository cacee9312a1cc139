import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";

export type Db = PrismaClient;

export type PoolSettings = {
  /** Connections this process may hold open. */
  poolSize: number;
  /** How long a statement may run before the server cancels it. */
  statementTimeoutMs: number;
  /** How long to wait for a connection (from the pool, or a new one) before giving up. */
  connectTimeoutMs: number;
  /** How long an interactive transaction may run before it is rolled back. */
  transactionTimeoutMs: number;
};

export const DEFAULT_POOL: PoolSettings = { poolSize: 10, statementTimeoutMs: 15_000, connectTimeoutMs: 5_000, transactionTimeoutMs: 15_000 };

// Every database, embedded or a PostgreSQL server, is reached over the Postgres wire protocol,
// so the app has one code path; the embedded one is served by lib/db/embedded-server.ts.
export function createPrismaClient(databaseUrl: string, pool: PoolSettings = DEFAULT_POOL): Db {
  const adapter = new PrismaPg({
    connectionString: databaseUrl,
    max: pool.poolSize,
    connectionTimeoutMillis: pool.connectTimeoutMs,
    statement_timeout: pool.statementTimeoutMs,
  });
  // A transaction waits as long for a connection as a query does, so a busy pool queues requests instead of failing them.
  return new PrismaClient({ adapter, transactionOptions: { maxWait: pool.connectTimeoutMs, timeout: pool.transactionTimeoutMs } });
}
