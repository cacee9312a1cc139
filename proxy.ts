import { NextResponse, type NextRequest } from "next/server";

// An optimistic check only: without a session cookie, pages redirect to sign-in at once.
// Real checks (token, user still active, role, row) happen in every page, action and route.
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

export function proxy(request: NextRequest) {
  if (SESSION_COOKIES.some((name) => request.cookies.has(name))) return NextResponse.next();
  const signIn = new URL("/sign-in", request.url);
  const target = request.nextUrl.pathname + request.nextUrl.search;
  if (target !== "/") signIn.searchParams.set("callbackUrl", target);
  return NextResponse.redirect(signIn);
}

export const config = {
  matcher: ["/((?!api/|_next/|sign-in|sign-out|set-password|favicon.ico).*)"],
};
