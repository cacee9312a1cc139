import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/access/actor";
import { authorize, deny } from "@/lib/audit/guard";
import { recordAudit } from "@/lib/audit/audit-log";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import type { UserListItem } from "./user-dto";

export async function listUsers(actor: Actor): Promise<UserListItem[]> {
  await authorize(db(), actor, "read", "user", { action: "user.list" });
  const rows = await db().$transaction(async (tx) => {
    const found = await tx.user.findMany({
      where: { organizationId: actor.organizationId },
      orderBy: [{ role: "asc" }, { name: "asc" }],
      select: { id: true, name: true, email: true, role: true, active: true, site: { select: { name: true } } },
    });
    await recordAudit(tx, { actor, action: "user.list", outcome: "success", detail: { results: found.length } });
    return found;
  });
  return rows.map((row) => ({ id: row.id, name: row.name, email: row.email, role: row.role, active: row.active, siteName: row.site?.name ?? null }));
}

const setActiveInput = z.object({
  userId: z.uuid({ error: "User id must be a UUID" }),
  active: z.boolean({ error: "Active must be true or false" }),
});

/** Enables or disables an account; a disabled user's sessions stop working on their next request. */
export async function setUserActive(actor: Actor, input: unknown): Promise<void> {
  await authorize(db(), actor, "update", "user", { action: "user.update", entityType: "user" });
  const { userId, active } = parseInput(setActiveInput, input);
  if (userId === actor.userId && !active) {
    throw new AppError("invalid-input", "You cannot disable your own account.", [{ path: "userId", message: "You cannot disable your own account" }]);
  }
  const updated = await db().$transaction(async (tx) => {
    const result = await tx.user.updateMany({ where: { id: userId, organizationId: actor.organizationId }, data: { active } });
    if (result.count === 0) return false;
    await recordAudit(tx, { actor, action: "user.update", outcome: "success", entityType: "user", entityId: userId, detail: { active } });
    return true;
  });
  if (!updated) await deny(db(), actor, { action: "user.update", entityType: "user", entityId: userId }, new AppError("not-found", "No such user."));
}
