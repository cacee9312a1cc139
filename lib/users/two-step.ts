import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/access/actor";
import { recordAudit } from "@/lib/audit/audit-log";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { serverEnv } from "@/lib/env";
import { acceptedStep, decryptTotpSecret, encryptTotpSecret, enrolmentCode, newRecoveryCodes, newTotpSecret, recoveryCodeHash } from "@/lib/auth/totp";

// Setting up two-step sign-in, by the person themselves: a new secret waits until a code made from it is typed back,
// so an authenticator that was never set up cannot lock anyone out. Then ten recovery codes are shown, once.

export type TwoStepStatus = { enabled: boolean; recoveryCodesLeft: number };
export type TwoStepSetup = { secret: string; uri: string; qrSvg: string };

export async function twoStepStatus(actor: Actor): Promise<TwoStepStatus> {
  const user = await db().user.findUniqueOrThrow({ where: { id: actor.userId }, select: { mfaEnabledAt: true, _count: { select: { recoveryCodes: { where: { usedAt: null } } } } } });
  return { enabled: user.mfaEnabledAt !== null, recoveryCodesLeft: user._count.recoveryCodes };
}

/** A new secret to scan, kept pending; any earlier pending one is replaced. */
export async function startTwoStepSetup(actor: Actor): Promise<TwoStepSetup> {
  const secret = newTotpSecret();
  await db().user.update({ where: { id: actor.userId }, data: { totpPendingSecret: encryptTotpSecret(secret, serverEnv().NEXTAUTH_SECRET) } });
  return { secret, ...(await enrolmentCode(actor.email, secret)) };
}

const confirmInput = z.strictObject({ code: z.string({ error: "enter the 6-digit code" }).trim().regex(/^\d{6}$/, { error: "enter the 6 digits your app shows" }) });

/** Turns two-step sign-in on once a code from the pending secret checks out; returns the recovery codes to show once. */
export async function confirmTwoStepSetup(actor: Actor, input: unknown): Promise<{ recoveryCodes: string[] }> {
  const { code } = parseInput(confirmInput, input);
  const key = serverEnv().NEXTAUTH_SECRET;
  return db().$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { totpPendingSecret: true } });
    if (!user.totpPendingSecret) throw new AppError("conflict", "Start the setup again: scan a new code.");
    const step = await acceptedStep(decryptTotpSecret(user.totpPendingSecret, key), code, null);
    if (step === null) throw new AppError("invalid-input", "That code does not match.", [{ path: "code", message: "that code does not match: check the app shows Backstep and type the current code" }]);
    const recoveryCodes = newRecoveryCodes();
    await tx.user.update({ where: { id: actor.userId }, data: { totpSecret: user.totpPendingSecret, totpPendingSecret: null, totpLastStep: step, mfaEnabledAt: new Date() } });
    await tx.recoveryCode.deleteMany({ where: { userId: actor.userId } });
    await tx.recoveryCode.createMany({ data: recoveryCodes.map((c) => ({ userId: actor.userId, codeHash: recoveryCodeHash(c) })) });
    await recordAudit(tx, { actor, action: "user.two-step-enable", outcome: "success", entityType: "user", entityId: actor.userId, detail: { recoveryCodes: recoveryCodes.length } });
    return { recoveryCodes };
  });
}
