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

export async function recordFailedSignIn(tx: Prisma.TransactionClient, keys: ThrottleKeys, now: Date): Promise<void> {
  const windowStart = new Date(now.getTime() - THROTTLE_POLICY.windowMinutes * 60_000);
  const blockedUntil = new Date(now.getTime() + THROTTLE_POLICY.blockMinutes * 60_000);
  const limits: [string | null, number][] = [
    [keys.account, THROTTLE_POLICY.accountFailures],
    [keys.address, THROTTLE_POLICY.addressFailures],
  ];
  for (const [key, limit] of limits) {
    if (!key) continue;
    // One atomic upsert: a window that has run out starts again at one failure.
    await tx.$executeRaw`
      INSERT INTO sign_in_throttle (key, failures, window_start, blocked_until)
      VALUES (${key}, 1, ${now}, ${limit <= 1 ? blockedUntil : null})
      ON CONFLICT (key) DO UPDATE SET
        failures = CASE WHEN sign_in_throttle.window_start < ${windowStart} THEN 1 ELSE sign_in_throttle.failures + 1 END,
        window_start = CASE WHEN sign_in_throttle.window_start < ${windowStart} THEN ${now} ELSE sign_in_throttle.window_start END,
        blocked_until = CASE
          WHEN sign_in_throttle.window_start >= ${windowStart} AND sign_in_throttle.failures + 1 >= ${limit} THEN ${blockedUntil}
          ELSE sign_in_throttle.blocked_until END`;
  }
}

/** A successful sign-in clears the account's count (the address keeps its own). */
export async function clearAccountFailures(tx: Prisma.TransactionClient, keys: ThrottleKeys): Promise<void> {
  await tx.signInThrottle.deleteMany({ where: { key: keys.account } });
}

function keyList(keys: ThrottleKeys): string[] {
  return keys.address ? [keys.account, keys.address] : [keys.account];
}
