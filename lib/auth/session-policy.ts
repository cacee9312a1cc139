// A session lasts at most 8 hours from sign-in, however active it is, and ends sooner after a spell without a request
// (SESSION_IDLE_MINUTES, 15 by default).
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;
// How stale the last-seen time in the session cookie may get before a request renews it: a cookie written on every
// request would be churn for nothing.
export const SEEN_REFRESH_SECONDS = 60;
export const DEFAULT_IDLE_MINUTES = 15;

/** Who signed in, when, and when the session was last used (milliseconds; last use defaults to sign-in). */
export type SessionClaims = { userId: string; signedInAt: number; seenAt?: number };

/** Whether a session has outlived either limit at `now` (milliseconds). */
export function sessionExpired(claims: Pick<SessionClaims, "signedInAt" | "seenAt">, now: number, idleMinutes: number): boolean {
  return now - claims.signedInAt > SESSION_MAX_AGE_SECONDS * 1000 || now - (claims.seenAt ?? claims.signedInAt) > idleMinutes * 60_000;
}

/** The session's claims from a decoded token, or null when it lacks them. A token from before last-seen times counts as seen at sign-in. */
export function claimsOf(token: { sub?: unknown; signedInAt?: unknown; seenAt?: unknown } | null): SessionClaims | null {
  if (!token || typeof token.sub !== "string" || typeof token.signedInAt !== "number") return null;
  return { userId: token.sub, signedInAt: token.signedInAt, seenAt: typeof token.seenAt === "number" ? token.seenAt : token.signedInAt };
}
