import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/access/actor";
import { recordAudit } from "@/lib/audit/audit-log";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { hashPassword, verifyPassword, DECOY_HASH } from "@/lib/auth/password";
import { passwordProblem } from "@/lib/auth/password-policy";

const changeInput = z.strictObject({
  current: z.string({ error: "type your current password" }).min(1, { error: "type your current password" }).max(256),
  password: z.string({ error: "choose a new password" }),
  confirm: z.string({ error: "type the new password again" }),
});

/**
 * A person changes their own password: the current one is required, the new one meets the policy, and every other
 * session of theirs ends (the caller renews the session this was done in). Returns the moment sessions now start.
 */
export async function changeOwnPassword(actor: Actor, input: unknown, now = new Date()): Promise<Date> {
  const { current, password, confirm } = parseInput(changeInput, input);
  const credential = await db().credential.findUnique({ where: { userId: actor.userId }, select: { passwordHash: true } });
  if (!(await verifyPassword(current, credential?.passwordHash ?? DECOY_HASH)) || !credential) {
    await recordAudit(db(), { actor, action: "user.change-password", outcome: "failure", entityType: "user", entityId: actor.userId, detail: { reason: "current password wrong" } });
    throw new AppError("invalid-input", "Your current password is not right.", [{ path: "current", message: "this is not your current password" }]);
  }
  const weak = passwordProblem(password, [actor.name, actor.email]);
  if (weak) throw new AppError("invalid-input", "Choose a stronger password.", [{ path: "password", message: weak }]);
  if (confirm !== password) throw new AppError("invalid-input", "The two passwords differ.", [{ path: "confirm", message: "type the same password again" }]);
  const passwordHash = await hashPassword(password);
  await db().$transaction(async (tx) => {
    await tx.credential.update({ where: { userId: actor.userId }, data: { passwordHash, passwordUpdatedAt: now } });
    await tx.user.update({ where: { id: actor.userId }, data: { sessionsValidAfter: now } });
    await recordAudit(tx, { actor, action: "user.change-password", outcome: "success", entityType: "user", entityId: actor.userId, detail: { otherSessionsEnded: true } }, now);
  });
  return now;
}
