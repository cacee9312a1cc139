import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { openEmbeddedDatabase, type EmbeddedDatabase } from "../lib/db/embedded-server";
import { migrate, type MigrationResult } from "../lib/db/migrator";
import { grantAppRole, roleOf } from "../lib/db/app-role";
import type { LaunchEnv } from "./launch-env";

/** The configured PostgreSQL server, or the embedded database under the data folder. */
export async function openDatabase(env: LaunchEnv): Promise<EmbeddedDatabase> {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, owner: false, close: async () => undefined };
  return openEmbeddedDatabase(join(env.BACKSTEP_DATA_DIR, "db"));
}

/**
 * Migrates as the owner (MIGRATION_DATABASE_URL, or DATABASE_URL when there is no separate owner), then grants the
 * app's role what it needs. The embedded database has one role, its superuser.
 */
export async function prepareDatabase(env: LaunchEnv, database: EmbeddedDatabase): Promise<MigrationResult> {
  const ownerUrl = env.DATABASE_URL ? (env.MIGRATION_DATABASE_URL ?? env.DATABASE_URL) : database.url;
  const migration = await migrate(ownerUrl);
  if (roleOf(ownerUrl) !== roleOf(database.url)) await grantAppRole(ownerUrl, roleOf(database.url));
  return migration;
}

/** Demo mode's session secret: generated once and kept under the data folder, never committed. */
export function demoSecret(dataDir: string): string {
  return generatedSecret(dataDir, "nextauth-secret");
}

/**
 * The audit chain's key, in every process that writes or verifies the trail: AUDIT_CHAIN_KEY, required in production,
 * or in demo mode one generated once under the data folder (outside the database it protects).
 */
export function applyAuditChainKey(env: LaunchEnv): string {
  if (!env.AUDIT_CHAIN_KEY && env.BACKSTEP_MODE === "production") {
    throw new Error("Production mode needs AUDIT_CHAIN_KEY (at least 32 random characters, e.g. `openssl rand -base64 48`), kept apart from the database: it keys the audit trail's hashes.");
  }
  const key = env.AUDIT_CHAIN_KEY ?? generatedSecret(env.BACKSTEP_DATA_DIR, "audit-chain-key");
  process.env.AUDIT_CHAIN_KEY = key;
  return key;
}

function generatedSecret(dataDir: string, name: string): string {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, name);
  if (!existsSync(path)) writeFileSync(path, randomBytes(48).toString("base64url"), { mode: 0o600, flag: "wx" });
  return readFileSync(path, "utf8").trim();
}
