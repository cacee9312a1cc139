import { z } from "zod";
import type { Db } from "@/lib/db/prisma-client";
import { recordAudit } from "@/lib/audit/audit-log";
import { DECOY_HASH, verifyPassword } from "./password";
import { clearAccountFailures, recordFailedSignIn, retryAfterSeconds, throttleKeys } from "./sign-in-throttle";

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  password: z.string().min(1).max(200),
});

export type AuthenticateResult =
  | { ok: true; userId: string }
  | { ok: false; reason: "invalid" | "disabled" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/** Seconds to wait when this account or address is throttled (the refused attempt is audited), else null. */
export async function throttledFor(db: Db, email: string, address: string | null, now = new Date()): Promise<number | null> {
  const wait = await retryAfterSeconds(db, throttleKeys(email, address), now);
  if (wait !== null) {
    await db.$transaction((tx) =>
      recordAudit(tx, { actor: null, action: "auth.sign-in", outcome: "failure", sourceAddress: address, detail: { reason: "throttled" } }, now),
    );
  }
  return wait;
}

/** Checks a sign-in attempt; every outcome leaves an audit event, and failures count toward throttling. */
export async function authenticate(db: Db, input: unknown, address: string | null, now = new Date()): Promise<AuthenticateResult> {
  const parsed = credentialsSchema.safeParse(input);
  const email = parsed.success ? parsed.data.email : String((input as { email?: unknown })?.email ?? "").slice(0, 200);
  const keys = throttleKeys(email, address);

  const wait = await throttledFor(db, email, address, now);
  if (wait !== null) return { ok: false, reason: "throttled", retryAfterSeconds: wait };

  const user = parsed.success
    ? await db.user.findUnique({
        where: { email: parsed.data.email },
        select: { id: true, role: true, active: true, organizationId: true, credential: { select: { passwordHash: true } } },
      })
    : null;
  // Verify even when there is no such account, so response time does not reveal which emails exist.
  const passwordOk = await verifyPassword(parsed.success ? parsed.data.password : "", user?.credential?.passwordHash ?? DECOY_HASH);

  if (user && passwordOk && user.active) {
    const actor = { userId: user.id, role: user.role, organizationId: user.organizationId };
    await db.$transaction(async (tx) => {
      await clearAccountFailures(tx, keys);
      await recordAudit(tx, { actor, action: "auth.sign-in", outcome: "success", sourceAddress: address }, now);
    });
    return { ok: true, userId: user.id };
  }

  const reason = user && passwordOk ? "disabled" : "invalid";
  await db.$transaction(async (tx) => {
    await recordFailedSignIn(tx, keys, now);
    await recordAudit(
      tx,
      {
        actor: null,
        organizationId: user?.organizationId ?? null,
        action: "auth.sign-in",
        outcome: "failure",
        entityType: user ? "user" : undefined,
        entityId: user?.id,
        sourceAddress: address,
        detail: { reason },
      },
      now,
    );
  });
  return { ok: false, reason };
}
