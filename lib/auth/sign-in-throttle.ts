import type { Db } from "@/lib/db/prisma-client";
import type { Prisma } from "@/lib/db/generated/client";

// Repeated failed sign-ins are throttled per account and per network address, so neither guessing
// one account's password nor spraying many accounts from one address gets far.
export const THROTTLE_POLICY = {
  windowMinutes: 15,
  blockMinutes: 15,
  accountFailures: 5,
  addressFailures: 20,
} as const;

export type ThrottleKeys = { account: string; address: string | null };

export function throttleKeys(email: string, address: string | null): ThrottleKeys {
  return { account: `account:${email.trim().toLowerCase()}`, address: address ? `address:${address}` : null };
}

/** Seconds until sign-in may be tried again, or null when it is not blocked. */
export async function retryAfterSeconds(db: Db, keys: ThrottleKeys, now: Date): Promise<number | null> {
  const rows = await db.signInThrottle.findMany({
    where: { key: { in: keyList(keys) }, blockedUntil: { gt: now } },
    select: { blockedUntil: true },
  });
  const until = Math.max(...rows.map((row) => row.blockedUntil?.getTime() ?? 0));
  return rows.length ? Math.ceil((until - now.getTime()) / 1000) : null;
}

export type Reservation = { retryAfterSeconds: number; blockStarted: ("account" | "address")[] } | null;

/**
 * Counts a sign-in attempt before its password is checked, so guesses sent in parallel cannot all slip under the
 * limit: each takes its place in the count atomically, and the ones past it are refused without hashing anything.
 * Returns null when the attempt may go on; else how long to wait, and which blocks this refusal started (so a block
 * is audited once, however many attempts it refuses). Rows whose window and block have both run out are removed on
 * the way, so the table holds only live counts.
 */
export async function reserveAttempt(tx: Prisma.TransactionClient, keys: ThrottleKeys, now: Date): Promise<Reservation> {
  const windowStart = new Date(now.getTime() - THROTTLE_POLICY.windowMinutes * 60_000);
  const blockedUntil = new Date(now.getTime() + THROTTLE_POLICY.blockMinutes * 60_000);
  // Rows another attempt holds are left alone: it is using them.
  await tx.$executeRaw`
    DELETE FROM sign_in_throttle WHERE key IN (
      SELECT key FROM sign_in_throttle WHERE window_start < ${windowStart} AND (blocked_until IS NULL OR blocked_until <= ${now}) FOR UPDATE SKIP LOCKED)`;
  const limits: ["account" | "address", string | null, number][] = [
    ["account", keys.account, THROTTLE_POLICY.accountFailures],
    ["address", keys.address, THROTTLE_POLICY.addressFailures],
  ];
  let until = 0;
  const blockStarted: ("account" | "address")[] = [];
  for (const [kind, key, limit] of limits) {
    if (!key) continue;
    // One statement makes the row exist and locks it (the update changes nothing), returning what it holds: attempts
    // for one key queue here, each seeing the count the one before left.
    const [row] = await tx.$queryRaw<{ failures: number; window_start: Date; blocked_until: Date | null }[]>`
      INSERT INTO sign_in_throttle AS t (key, failures, window_start, blocked_until) VALUES (${key}, 0, ${now}, NULL)
      ON CONFLICT (key) DO UPDATE SET failures = t.failures
      RETURNING failures, window_start, blocked_until`;
    if (!row) continue;
    if (row.blocked_until && row.blocked_until > now) {
      until = Math.max(until, row.blocked_until.getTime());
      continue;
    }
    // A window that has run out starts again at this attempt; the attempt past the limit starts a block.
    const fresh = row.window_start < windowStart;
    const failures = fresh ? 1 : row.failures + 1;
    const blocks = failures > limit;
    await tx.$executeRaw`
      UPDATE sign_in_throttle SET failures = ${failures}, window_start = ${fresh ? now : row.window_start}, blocked_until = ${blocks ? blockedUntil : null}
      WHERE key = ${key}`;
    if (blocks) {
      until = Math.max(until, blockedUntil.getTime());
      blockStarted.push(kind);
    }
  }
  return until ? { retryAfterSeconds: Math.ceil((until - now.getTime()) / 1000), blockStarted } : null;
}

/**
 * A failed attempt that used up the last try blocks its key now, so the block shows before the next attempt.
 * Returns what it blocked ("account", "address"): the failure's audit event records the start of a block.
 */
export async function blockIfExhausted(tx: Prisma.TransactionClient, keys: ThrottleKeys, now: Date): Promise<("account" | "address")[]> {
  const blockedUntil = new Date(now.getTime() + THROTTLE_POLICY.blockMinutes * 60_000);
  const blocked: ("account" | "address")[] = [];
  const account = await tx.$executeRaw`UPDATE sign_in_throttle SET blocked_until = ${blockedUntil} WHERE key = ${keys.account} AND failures >= ${THROTTLE_POLICY.accountFailures} AND blocked_until IS NULL`;
  if (account) blocked.push("account");
  const address = keys.address
    ? await tx.$executeRaw`UPDATE sign_in_throttle SET blocked_until = ${blockedUntil} WHERE key = ${keys.address} AND failures >= ${THROTTLE_POLICY.addressFailures} AND blocked_until IS NULL`
    : 0;
  if (address) blocked.push("address");
  return blocked;
}

/** A successful sign-in: the account's count starts again, and the address's count gives back this attempt. */
export async function releaseAttempt(tx: Prisma.TransactionClient, keys: ThrottleKeys): Promise<void> {
  await tx.signInThrottle.deleteMany({ where: { key: keys.account } });
  if (keys.address) await giveBack(tx, keys.address);
}

/**
 * An attempt that was neither a failure nor a sign-in (the right password, the code still to come) gives its count
 * back on both keys. The account's earlier failures stay: asking for the code must not wipe wrong codes from the count.
 */
export async function returnAttempt(tx: Prisma.TransactionClient, keys: ThrottleKeys): Promise<void> {
  await giveBack(tx, keys.account);
  if (keys.address) await giveBack(tx, keys.address);
}

async function giveBack(tx: Prisma.TransactionClient, key: string): Promise<void> {
  await tx.$executeRaw`UPDATE sign_in_throttle SET failures = GREATEST(failures - 1, 0) WHERE key = ${key} AND blocked_until IS NULL`;
}

function keyList(keys: ThrottleKeys): string[] {
  return keys.address ? [keys.account, keys.address] : [keys.account];
}
