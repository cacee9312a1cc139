import { NextResponse, type NextRequest } from "next/server";
import { decode, type JWT } from "next-auth/jwt";
import { serverEnv } from "@/lib/env";
import { encodeSession, SESSION_COOKIES, sessionCookieOptions } from "@/lib/auth/session-cookie";
import { claimsOf, SEEN_REFRESH_SECONDS, sessionExpired } from "@/lib/auth/session-policy";
import { contentSecurityPolicy, newNonce, NONCE_HEADER } from "@/lib/http/content-security-policy";

// Runs before every page and server action. Every page gets a Content-Security-Policy with a nonce of its own.
// Pages other than the public ones (sign-in, sign-out, setting a password) need a session: without a session cookie,
// or with a session past its limits, the browser goes to sign-in at once; otherwise the session's last-seen time is
// kept current, which is what the idle limit reads. The real checks (token, user still active, cut-off, role, row)
// happen in every page, action and route.
const PUBLIC_PAGES = ["/sign-in", "/sign-out", "/set-password"];

export async function proxy(request: NextRequest) {
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development", https: serverEnv().NEXTAUTH_URL?.startsWith("https://") ?? false });
  const response = await checkSession(request, () => {
    const headers = new Headers(request.headers);
    headers.set(NONCE_HEADER, nonce);
    headers.set("content-security-policy", csp);
    return NextResponse.next({ request: { headers } });
  });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

async function checkSession(request: NextRequest, pass: () => NextResponse): Promise<NextResponse> {
  if (PUBLIC_PAGES.some((page) => request.nextUrl.pathname === page)) return pass();
  const name = SESSION_COOKIES.find((cookie) => request.cookies.has(cookie));
  if (!name) return toSignIn(request);
  const { NEXTAUTH_SECRET: secret, SESSION_IDLE_MINUTES: idleMinutes } = serverEnv();
  const token = await readToken(request.cookies.get(name)?.value, secret);
  const claims = claimsOf(token);
  if (!token || !claims) return pass();
  const now = Date.now();
  if (sessionExpired(claims, now, idleMinutes)) {
    const expired = toSignIn(request, "SessionExpired");
    expired.cookies.delete(name);
    return expired;
  }
  const response = pass();
  if (now - (claims.seenAt ?? claims.signedInAt) > SEEN_REFRESH_SECONDS * 1000) {
    response.cookies.set(name, await encodeSession({ ...token, seenAt: now }, secret), sessionCookieOptions(name));
  }
  return response;
}

async function readToken(value: string | undefined, secret: string): Promise<JWT | null> {
  if (!value) return null;
  try {
    return await decode({ token: value, secret });
  } catch {
    return null;
  }
}

function toSignIn(request: NextRequest, error?: string): NextResponse {
  const signIn = new URL("/sign-in", request.url);
  const target = request.nextUrl.pathname + request.nextUrl.search;
  if (target !== "/") signIn.searchParams.set("callbackUrl", target);
  if (error) signIn.searchParams.set("error", error);
  return NextResponse.redirect(signIn);
}

export const config = {
  matcher: ["/((?!api/|cds-services|smart/|\\.well-known/|_next/static|_next/image|favicon.ico).*)"],
};
