import type { Db } from "@/lib/db/prisma-client";
import type { Actor } from "@/lib/access/actor";
import { SESSION_MAX_AGE_SECONDS } from "./session-policy";

export type SessionClaims = { userId: string; signedInAt: number };

/**
 * Turns a session's claims into the acting user, re-reading role and active flag from the database on
 * every request: a disabled user, a changed role or a reset password takes effect at once. Null means "not signed
 * in".
 */
export async function resolveActor(db: Db, claims: SessionClaims | null, now = new Date()): Promise<Actor | null> {
  if (!claims) return null;
  if (now.getTime() - claims.signedInAt > SESSION_MAX_AGE_SECONDS * 1000) return null;
  const user = await db.user.findUnique({
    where: { id: claims.userId },
    select: { id: true, name: true, email: true, role: true, active: true, organizationId: true, siteId: true, sessionsValidAfter: true },
  });
  if (!user?.active) return null;
  if (user.sessionsValidAfter && claims.signedInAt < user.sessionsValidAfter.getTime()) return null;
  return { userId: user.id, name: user.name, email: user.email, role: user.role, organizationId: user.organizationId, siteId: user.siteId };
}
