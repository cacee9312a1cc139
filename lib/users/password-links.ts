import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db/client";
import type { AuditTx } from "@/lib/audit/audit-log";
import { recordAudit } from "@/lib/audit/audit-log";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { hashPassword } from "@/lib/auth/password";
import { passwordProblem } from "@/lib/auth/password-policy";

// One-time links to set a password: made for a new user or after a reset, valid for 24 hours and once. The token
// travels in the link's fragment (never sent to a server in a request line or a Referer) and only its SHA-256 is
// stored, so the database cannot give a working link away.

export const LINK_VALID_HOURS = 24;
export type LinkPurpose = "invite" | "reset";

const digest = (token: string) => createHash("sha256").update(token).digest("hex");

/** A new link for the user; any earlier unused link of theirs stops working. Returns the path to give them. */
export async function issuePasswordLink(tx: AuditTx, userId: string, purpose: LinkPurpose, createdById: string, now = new Date()): Promise<string> {
  await tx.passwordLink.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } });
  const token = randomBytes(32).toString("base64url");
  await tx.passwordLink.create({ data: { userId, tokenHash: digest(token), purpose, expiresAt: new Date(now.getTime() + LINK_VALID_HOURS * 3_600_000), createdById, createdAt: now } });
  return `/set-password#${token}`;
}

const setPasswordInput = z.strictObject({
  token: z.string({ error: "the link is incomplete" }).min(20, { error: "the link is incomplete" }).max(200, { error: "the link is not valid" }),
  password: z.string({ error: "password is required" }),
  confirm: z.string({ error: "type the password again" }),
});

export const LINK_REFUSED = "This link has expired or has already been used. Ask your administrator for a new one.";

/**
 * Sets the password of the link's user. The link then stops working, and every session the user had ends. Refused:
 * an unknown, expired or used link; a weak password; a confirmation that differs.
 */
export async function setPasswordWithLink(input: unknown, now = new Date()): Promise<{ email: string }> {
  const { token, password, confirm } = parseInput(setPasswordInput, input);
  const link = await db().passwordLink.findUnique({ where: { tokenHash: digest(token) }, select: { id: true, usedAt: true, expiresAt: true, purpose: true, user: { select: { id: true, name: true, email: true, active: true, organizationId: true } } } });
  if (!link || link.usedAt || link.expiresAt <= now || !link.user.active) throw new AppError("not-found", LINK_REFUSED);
  const weak = passwordProblem(password, [link.user.name, link.user.email]);
  if (weak) throw new AppError("invalid-input", "Choose a stronger password.", [{ path: "password", message: weak }]);
  if (confirm !== password) throw new AppError("invalid-input", "The two passwords differ.", [{ path: "confirm", message: "type the same password again" }]);
  const passwordHash = await hashPassword(password);
  return db().$transaction(async (tx) => {
    // Marked used in the same statement that checks it is unused, so two uses at once cannot both succeed.
    const claimed = await tx.passwordLink.updateMany({ where: { id: link.id, usedAt: null }, data: { usedAt: now } });
    if (claimed.count === 0) throw new AppError("not-found", LINK_REFUSED);
    await tx.credential.upsert({ where: { userId: link.user.id }, create: { userId: link.user.id, passwordHash, passwordUpdatedAt: now }, update: { passwordHash, passwordUpdatedAt: now } });
    await tx.user.update({ where: { id: link.user.id }, data: { sessionsValidAfter: now } });
    await recordAudit(tx, { actor: null, organizationId: link.user.organizationId, action: "user.set-password", outcome: "success", entityType: "user", entityId: link.user.id, detail: { via: link.purpose === "invite" ? "invitation link" : "reset link" } }, now);
    return { email: link.user.email };
  });
}
