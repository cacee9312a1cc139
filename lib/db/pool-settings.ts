import { z } from "zod";
import { DEFAULT_POOL, type PoolSettings } from "./prisma-client";

const whole = (name: string, min: number, max: number, fallback: number) =>
  z.coerce
    .number({ error: `${name} must be a whole number` })
    .int({ error: `${name} must be a whole number` })
    .min(min, { error: `${name} must be at least ${min}` })
    .max(max, { error: `${name} must be at most ${max}` })
    .default(fallback);

// The database connection settings each app process takes from its environment (see .env.example). With several
// processes on one server, poolSize × processes must stay under the server's max_connections.
export const poolEnvShape = {
  DATABASE_POOL_SIZE: whole("DATABASE_POOL_SIZE", 1, 200, DEFAULT_POOL.poolSize),
  DATABASE_STATEMENT_TIMEOUT_MS: whole("DATABASE_STATEMENT_TIMEOUT_MS", 100, 600_000, DEFAULT_POOL.statementTimeoutMs),
  DATABASE_CONNECT_TIMEOUT_MS: whole("DATABASE_CONNECT_TIMEOUT_MS", 100, 60_000, DEFAULT_POOL.connectTimeoutMs),
  DATABASE_TRANSACTION_TIMEOUT_MS: whole("DATABASE_TRANSACTION_TIMEOUT_MS", 100, 600_000, DEFAULT_POOL.transactionTimeoutMs),
};

type PoolEnv = { [K in keyof typeof poolEnvShape]: number };

export function poolSettings(env: PoolEnv): PoolSettings {
  return {
    poolSize: env.DATABASE_POOL_SIZE,
    statementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT_MS,
    connectTimeoutMs: env.DATABASE_CONNECT_TIMEOUT_MS,
    transactionTimeoutMs: env.DATABASE_TRANSACTION_TIMEOUT_MS,
  };
}
