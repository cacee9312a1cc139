import "server-only";
import { cookies } from "next/headers";
import { encode } from "next-auth/jwt";
import { serverEnv } from "@/lib/env";
import { SESSION_MAX_AGE_SECONDS } from "./session-policy";

const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"] as const;

/**
 * Replaces this browser's session with one that began just after `validAfter`, so it outlives the cut-off that ends
 * a person's other sessions (after they change their own password, proven by the current one).
 */
export async function renewSession(userId: string, validAfter: Date): Promise<void> {
  const store = await cookies();
  const name = SESSION_COOKIES.find((cookie) => store.has(cookie));
  if (!name) return;
  const token = await encode({ token: { sub: userId, signedInAt: validAfter.getTime() + 1 }, secret: serverEnv().NEXTAUTH_SECRET, maxAge: SESSION_MAX_AGE_SECONDS });
  store.set(name, token, { httpOnly: true, sameSite: "lax", path: "/", secure: name.startsWith("__Secure-"), maxAge: SESSION_MAX_AGE_SECONDS });
}
