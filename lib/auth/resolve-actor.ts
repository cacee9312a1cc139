import type { Db } from "@/lib/db/prisma-client";
import type { Actor } from "@/lib/access/actor";
import { DEFAULT_IDLE_MINUTES, sessionExpired, type SessionClaims } from "./session-policy";

/**
 * Turns a session's claims into the acting user, re-reading role and active flag from the database on
 * every request: a disabled user, a changed role, a reset password or a sign-out takes effect at once. Null means "not
 * signed in": also for a session past 8 hours or idle longer than `idleMinutes`.
 */
export async function resolveActor(db: Db, claims: SessionClaims | null, now = new Date(), idleMinutes = DEFAULT_IDLE_MINUTES): Promise<Actor | null> {
  if (!claims || sessionExpired(claims, now.getTime(), idleMinutes)) return null;
  const user = await db.user.findUnique({
    where: { id: claims.userId },
    select: { id: true, name: true, email: true, role: true, active: true, organizationId: true, siteId: true, sessionsValidAfter: true, mfaEnabledAt: true, organization: { select: { mfaRequired: true } } },
  });
  if (!user?.active) return null;
  if (user.sessionsValidAfter && claims.signedInAt < user.sessionsValidAfter.getTime()) return null;
  // Administrators always sign in in two steps, everyone when their organization says so: until set up, nothing else opens.
  const mustEnrol = !user.mfaEnabledAt && (user.role === "admin" || user.organization.mfaRequired);
  return { userId: user.id, name: user.name, email: user.email, role: user.role, organizationId: user.organizationId, siteId: user.siteId, ...(mustEnrol ? { mustEnrolTwoStep: true } : {}) };
}
