import { encode, type JWT } from "next-auth/jwt";
import { SESSION_MAX_AGE_SECONDS } from "./session-policy";

// next-auth's session cookie: "__Secure-" when the app is served over HTTPS.
export const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"] as const;
export type SessionCookieName = (typeof SESSION_COOKIES)[number];

export function sessionCookieOptions(name: SessionCookieName) {
  return { httpOnly: true, sameSite: "lax", path: "/", secure: name.startsWith("__Secure-"), maxAge: SESSION_MAX_AGE_SECONDS } as const;
}

/** A session token as next-auth writes it, for when the app itself must rewrite one. */
export function encodeSession(token: JWT, secret: string): Promise<string> {
  return encode({ token, secret, maxAge: SESSION_MAX_AGE_SECONDS });
}
