import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/access/actor";
import { authorize, deny, targetOf } from "@/lib/audit/guard";
import { recordAudit, type AuditTx } from "@/lib/audit/audit-log";
import { auditChanges } from "@/lib/audit/audit-changes";
import { ROLES } from "@/lib/access/policy";
import { issuePasswordLink } from "./password-links";
import { throttleKeys } from "@/lib/auth/sign-in-throttle";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { emailAddress } from "@/lib/auth/email-address";
import type { UserListItem } from "./user-dto";
import { plainText } from "@/lib/plain-text";

/** The organization's people, and the sites (not retired) a person can be placed at. */
export async function listUsers(actor: Actor): Promise<{ users: UserListItem[]; sites: { id: string; name: string }[] }> {
  await authorize(db(), actor, "read", "user", { action: "user.list" });
  const rows = await db().$transaction(async (tx) => {
    const found = await tx.user.findMany({
      where: { organizationId: actor.organizationId },
      orderBy: [{ role: "asc" }, { name: "asc" }],
      select: { id: true, name: true, email: true, role: true, active: true, siteId: true, mfaEnabledAt: true, site: { select: { name: true } } },
    });
    const blocked = await tx.signInThrottle.findMany({ where: { key: { in: found.map((u) => throttleKeys(u.email, null).account) }, blockedUntil: { gt: new Date() } }, select: { key: true } });
    const sites = await tx.site.findMany({ where: { organizationId: actor.organizationId, retiredAt: null }, orderBy: [{ kind: "asc" }, { name: "asc" }], select: { id: true, name: true } });
    await recordAudit(tx, { actor, action: "user.list", outcome: "success", detail: { results: found.length } });
    const locked = new Set(blocked.map((b) => b.key));
    return { users: found.map((row) => ({ ...row, locked: locked.has(throttleKeys(row.email, null).account) })), sites };
  });
  return {
    users: rows.users.map((row) => ({ id: row.id, name: row.name, email: row.email, role: row.role, active: row.active, siteId: row.siteId, siteName: row.site?.name ?? null, locked: row.locked, twoStep: row.mfaEnabledAt !== null })),
    sites: rows.sites,
  };
}

const setActiveInput = z.object({
  userId: z.uuid({ error: "User id must be a UUID" }),
  active: z.boolean({ error: "Active must be true or false" }),
  reason: plainText(z.string().trim().max(500, { error: "reason is limited to 500 characters" }), "reason", "note").optional(),
});

/** Whether the user is the organization's last active administrator: the organization must keep one. */
async function isLastActiveAdmin(tx: AuditTx, organizationId: string, userId: string): Promise<boolean> {
  const admins = await tx.user.findMany({ where: { organizationId, role: "admin", active: true }, select: { id: true } });
  return admins.length === 1 && admins[0]!.id === userId;
}

/**
 * Enables or disables an account; a disabled user's sessions stop working on their next request. Disabling needs a
 * reason, kept in the audit trail; the last active administrator cannot be disabled.
 */
export async function setUserActive(actor: Actor, input: unknown): Promise<void> {
  await authorize(db(), actor, "update", "user", { action: "user.update", entityType: "user", entityId: targetOf(input, "userId") });
  const { userId, active, reason } = parseInput(setActiveInput, input);
  if (userId === actor.userId && !active) {
    throw new AppError("invalid-input", "You cannot disable your own account.", [{ path: "userId", message: "You cannot disable your own account" }]);
  }
  if (!active && !reason) throw new AppError("invalid-input", "Say why the account is disabled.", [{ path: "reason", message: "a reason is required to disable an account" }]);
  const updated = await db().$transaction(async (tx) => {
    const user = await tx.user.findFirst({ where: { id: userId, organizationId: actor.organizationId }, select: { active: true } });
    if (!user) return false;
    if (!active && (await isLastActiveAdmin(tx, actor.organizationId, userId))) {
      throw new AppError("invalid-input", "The organization needs an active administrator.", [{ path: "userId", message: "this is the last active administrator" }]);
    }
    await tx.user.update({ where: { id: userId }, data: { active } });
    await recordAudit(tx, { actor, action: "user.update", outcome: "success", entityType: "user", entityId: userId, detail: { ...auditChanges(user, { active }), ...(reason ? { reason } : {}) } });
    return true;
  });
  if (!updated) await deny(db(), actor, { action: "user.update", entityType: "user", entityId: userId }, new AppError("not-found", "No such user."));
}

const newUserInput = z.strictObject({
  name: plainText(z.string({ error: "name is required" }).trim().min(1, { error: "name is required" }).max(200, { error: "name is limited to 200 characters" }), "name"),
  email: emailAddress,
  role: z.enum(ROLES, { error: "choose a role" }),
  siteId: z.union([z.uuid({ error: "choose a site from the list" }), z.literal("").transform(() => null)]).nullable().default(null),
});

/**
 * Adds a person to the organization with a one-time link to set their own password (shown once to the admin).
 * A physical therapist works at a PT clinic; a clinician's site is optional; the site must be this organization's
 * and not retired.
 */
export async function createUser(actor: Actor, input: unknown): Promise<{ userId: string; link: string; name: string; email: string }> {
  await authorize(db(), actor, "create", "user", { action: "user.create", entityType: "user" });
  const data = parseInput(newUserInput, input);
  return db().$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: data.email }, select: { id: true } })) {
      throw new AppError("conflict", "That email is already in use.", [{ path: "email", message: `${data.email} already has an account` }]);
    }
    const site = data.siteId ? await tx.site.findFirst({ where: { id: data.siteId, organizationId: actor.organizationId, retiredAt: null }, select: { kind: true } }) : null;
    if (data.siteId && !site) throw new AppError("invalid-input", "Some fields need attention.", [{ path: "siteId", message: "choose a site from the list" }]);
    if (data.role === "physical_therapist" && site?.kind !== "pt_clinic") {
      throw new AppError("invalid-input", "Some fields need attention.", [{ path: "siteId", message: "a physical therapist works at a PT clinic: choose one" }]);
    }
    const user = await tx.user.create({ data: { organizationId: actor.organizationId, name: data.name, email: data.email, role: data.role, siteId: data.siteId }, select: { id: true } });
    const link = await issuePasswordLink(tx, user.id, "invite", actor.userId);
    await recordAudit(tx, { actor, action: "user.create", outcome: "success", entityType: "user", entityId: user.id, detail: { role: data.role, siteId: data.siteId, active: true } });
    return { userId: user.id, link, name: data.name, email: data.email };
  });
}

/** A new one-time link for the user; their password stops working and every session of theirs ends at once. */
export async function resetUserPassword(actor: Actor, input: unknown): Promise<{ link: string; name: string; email: string }> {
  await authorize(db(), actor, "update", "user", { action: "user.reset-password", entityType: "user", entityId: targetOf(input, "userId") });
  const { userId } = parseInput(z.object({ userId: z.uuid({ error: "User id must be a UUID" }) }), input);
  const link = await db().$transaction(async (tx) => {
    const user = await tx.user.findFirst({ where: { id: userId, organizationId: actor.organizationId }, select: { id: true, name: true, email: true } });
    if (!user) return null;
    const now = new Date();
    await tx.credential.deleteMany({ where: { userId } });
    await tx.user.update({ where: { id: userId }, data: { sessionsValidAfter: now } });
    const path = await issuePasswordLink(tx, userId, "reset", actor.userId, now);
    await recordAudit(tx, { actor, action: "user.reset-password", outcome: "success", entityType: "user", entityId: userId, detail: { sessionsEnded: true } }, now);
    return { link: path, name: user.name, email: user.email };
  });
  return link ?? deny(db(), actor, { action: "user.reset-password", entityType: "user", entityId: userId }, new AppError("not-found", "No such user."));
}

/**
 * For someone who lost both their phone and their recovery codes: two-step sign-in is switched off (they set it up
 * again at their next sign-in when it is required of them), and every session of theirs ends.
 */
export async function resetUserTwoStep(actor: Actor, input: unknown): Promise<void> {
  await authorize(db(), actor, "update", "user", { action: "user.two-step-reset", entityType: "user", entityId: targetOf(input, "userId") });
  const { userId } = parseInput(z.object({ userId: z.uuid({ error: "User id must be a UUID" }) }), input);
  const done = await db().$transaction(async (tx) => {
    const user = await tx.user.findFirst({ where: { id: userId, organizationId: actor.organizationId }, select: { id: true } });
    if (!user) return false;
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await tx.user.update({ where: { id: userId }, data: { totpSecret: null, totpPendingSecret: null, totpLastStep: null, mfaEnabledAt: null, sessionsValidAfter: new Date() } });
    await recordAudit(tx, { actor, action: "user.two-step-reset", outcome: "success", entityType: "user", entityId: userId, detail: { sessionsEnded: true } });
    return true;
  });
  if (!done) await deny(db(), actor, { action: "user.two-step-reset", entityType: "user", entityId: userId }, new AppError("not-found", "No such user."));
}

const accessInput = z.strictObject({
  userId: z.uuid({ error: "User id must be a UUID" }),
  role: z.enum(ROLES, { error: "choose a role" }),
  siteId: z.union([z.uuid({ error: "choose a site from the list" }), z.literal("").transform(() => null)]).nullable().default(null),
});

/** Changes a person's role and site; the last active administrator keeps the role, and a therapist needs a PT clinic. */
export async function updateUserAccess(actor: Actor, input: unknown): Promise<void> {
  await authorize(db(), actor, "update", "user", { action: "user.update", entityType: "user", entityId: targetOf(input, "userId") });
  const { userId, role, siteId } = parseInput(accessInput, input);
  const done = await db().$transaction(async (tx) => {
    const user = await tx.user.findFirst({ where: { id: userId, organizationId: actor.organizationId }, select: { role: true, siteId: true } });
    if (!user) return false;
    const site = siteId ? await tx.site.findFirst({ where: { id: siteId, organizationId: actor.organizationId }, select: { kind: true, retiredAt: true } }) : null;
    if (siteId && (!site || (site.retiredAt && siteId !== user.siteId))) throw new AppError("invalid-input", "Some fields need attention.", [{ path: "siteId", message: "choose a site from the list" }]);
    if (role === "physical_therapist" && site?.kind !== "pt_clinic") throw new AppError("invalid-input", "Some fields need attention.", [{ path: "siteId", message: "a physical therapist works at a PT clinic: choose one" }]);
    if (user.role === "admin" && role !== "admin" && (await isLastActiveAdmin(tx, actor.organizationId, userId))) {
      throw new AppError("invalid-input", "The organization needs an active administrator.", [{ path: "role", message: "this is the last active administrator" }]);
    }
    await tx.user.update({ where: { id: userId }, data: { role, siteId } });
    await recordAudit(tx, { actor, action: "user.update", outcome: "success", entityType: "user", entityId: userId, detail: auditChanges(user, { role, siteId }) });
    return true;
  });
  if (!done) await deny(db(), actor, { action: "user.update", entityType: "user", entityId: userId }, new AppError("not-found", "No such user."));
}

/** Lets a person blocked by repeated failed sign-ins try again at once (the address's own count is kept). */
export async function unlockUser(actor: Actor, input: unknown): Promise<void> {
  await authorize(db(), actor, "update", "user", { action: "user.unlock", entityType: "user", entityId: targetOf(input, "userId") });
  const { userId } = parseInput(z.object({ userId: z.uuid({ error: "User id must be a UUID" }) }), input);
  const done = await db().$transaction(async (tx) => {
    const user = await tx.user.findFirst({ where: { id: userId, organizationId: actor.organizationId }, select: { email: true } });
    if (!user) return false;
    const cleared = await tx.signInThrottle.deleteMany({ where: { key: throttleKeys(user.email, null).account } });
    await recordAudit(tx, { actor, action: "user.unlock", outcome: "success", entityType: "user", entityId: userId, detail: { wasBlocked: cleared.count > 0 } });
    return true;
  });
  if (!done) await deny(db(), actor, { action: "user.unlock", entityType: "user", entityId: userId }, new AppError("not-found", "No such user."));
}
