import "server-only";
import { cookies } from "next/headers";
import { serverEnv } from "@/lib/env";
import { encodeSession, SESSION_COOKIES, sessionCookieOptions } from "./session-cookie";

/**
 * Replaces this browser's session with one that began just after `validAfter`, so it outlives the cut-off that ends
 * a person's other sessions (after they change their own password, proven by the current one).
 */
export async function renewSession(userId: string, validAfter: Date): Promise<void> {
  const store = await cookies();
  const name = SESSION_COOKIES.find((cookie) => store.has(cookie));
  if (!name) return;
  const startedAt = validAfter.getTime() + 1;
  store.set(name, await encodeSession({ sub: userId, signedInAt: startedAt, seenAt: Date.now() }, serverEnv().NEXTAUTH_SECRET), sessionCookieOptions(name));
}
