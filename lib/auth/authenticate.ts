import { z } from "zod";
import type { Db } from "@/lib/db/prisma-client";
import type { Prisma } from "@/lib/db/generated/client";
import { recordAudit } from "@/lib/audit/audit-log";
import { DECOY_HASH, verifyPassword, withHashingSlot } from "./password";
import { acceptedStep, decryptTotpSecret, recoveryCodeHash } from "./totp";
import { serverEnv } from "@/lib/env";
import { blockIfExhausted, releaseAttempt, reserveAttempt, retryAfterSeconds, returnAttempt, throttleKeys } from "./sign-in-throttle";

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  password: z.string().min(1).max(200),
  // The second step: a code from the authenticator app, or a recovery code.
  code: z.string().trim().max(20).optional(),
});

export type AuthenticateResult =
  | { ok: true; userId: string }
  | { ok: false; reason: "invalid" | "code-required" | "invalid-code" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/** Seconds to wait when this account or address is blocked, else null: a quick refusal that counts nothing. */
export async function throttledFor(db: Db, email: string, address: string | null, now = new Date()): Promise<number | null> {
  return retryAfterSeconds(db, throttleKeys(email, address), now);
}

/** The organization of the account an email names, if any: its sign-in events belong on that organization's trail. */
async function organizationOf(tx: Prisma.TransactionClient, email: string): Promise<string | null> {
  return (await tx.user.findUnique({ where: { email }, select: { organizationId: true } }))?.organizationId ?? null;
}

/**
 * Checks a sign-in attempt. The attempt is counted before the password is checked (see reserveAttempt), and password
 * hashing takes one of a few slots, so a burst of guesses costs little. Every checked attempt leaves an audit event;
 * a refused one does only when it starts a block. A disabled account answers as a wrong password does, so the
 * answer never says whether the password was right; the audit event says which it was.
 */
export async function authenticate(db: Db, input: unknown, address: string | null, now = new Date()): Promise<AuthenticateResult> {
  const parsed = credentialsSchema.safeParse(input);
  const email = parsed.success ? parsed.data.email : String((input as { email?: unknown })?.email ?? "").slice(0, 200);
  const keys = throttleKeys(email, address);

  const refused = await db.$transaction(async (tx) => {
    const reservation = await reserveAttempt(tx, keys, now);
    if (reservation?.blockStarted.length) {
      const detail = { reason: "throttled", blocked: reservation.blockStarted.join(" and ") };
      await recordAudit(tx, { actor: null, organizationId: await organizationOf(tx, email), action: "auth.sign-in", outcome: "failure", sourceAddress: address, detail }, now);
    }
    return reservation;
  });
  if (refused) return { ok: false, reason: "throttled", retryAfterSeconds: refused.retryAfterSeconds };

  const user = parsed.success
    ? await db.user.findUnique({
        where: { email: parsed.data.email },
        select: { id: true, role: true, active: true, organizationId: true, mfaEnabledAt: true, totpSecret: true, totpLastStep: true, credential: { select: { passwordHash: true } } },
      })
    : null;
  // Verify even when there is no such account, so response time does not reveal which emails exist.
  const passwordOk = await withHashingSlot(() => verifyPassword(parsed.success ? parsed.data.password : "", user?.credential?.passwordHash ?? DECOY_HASH));

  let failure: "invalid" | "disabled" | "invalid-code" = user && passwordOk ? "disabled" : "invalid";
  if (user && passwordOk && user.active) {
    const actor = { userId: user.id, role: user.role, organizationId: user.organizationId };
    const code = parsed.success ? parsed.data.code : undefined;
    // The right password with two-step sign-in on and no code yet: not a failure; the form asks for the code.
    if (user.mfaEnabledAt && user.totpSecret && !code) {
      await db.$transaction((tx) => returnAttempt(tx, keys));
      return { ok: false, reason: "code-required" };
    }
    const secondStep = user.mfaEnabledAt && user.totpSecret && code ? await db.$transaction((tx) => useSecondStep(tx, user.id, user.totpSecret!, user.totpLastStep, code)) : "none";
    if (secondStep !== null) {
      await db.$transaction(async (tx) => {
        await releaseAttempt(tx, keys);
        await recordAudit(tx, { actor, action: "auth.sign-in", outcome: "success", sourceAddress: address, detail: secondStep === "none" ? {} : { secondStep } }, now);
      });
      return { ok: true, userId: user.id };
    }
    failure = "invalid-code";
  }

  await db.$transaction(async (tx) => {
    const blocked = await blockIfExhausted(tx, keys, now);
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
        detail: { reason: failure, ...(blocked.length ? { blocked: blocked.join(" and ") } : {}) },
      },
      now,
    );
  });
  return { ok: false, reason: failure === "invalid-code" ? "invalid-code" : "invalid" };
}

/**
 * Accepts the second step once: an authenticator code later than the last one used, or an unused recovery code.
 * Each is spent by a conditional update, so two requests racing with one code cannot both pass.
 */
async function useSecondStep(tx: Prisma.TransactionClient, userId: string, storedSecret: string, lastStep: number | null, code: string): Promise<"authenticator" | "recovery code" | null> {
  const step = await acceptedStep(decryptTotpSecret(storedSecret, serverEnv().NEXTAUTH_SECRET), code.replace(/\s/g, ""), lastStep);
  if (step !== null) {
    const spent = await tx.user.updateMany({ where: { id: userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] }, data: { totpLastStep: step } });
    return spent.count === 1 ? "authenticator" : null;
  }
  const recovered = await tx.recoveryCode.updateMany({ where: { userId, codeHash: recoveryCodeHash(code), usedAt: null }, data: { usedAt: new Date() } });
  return recovered.count === 1 ? "recovery code" : null;
}
