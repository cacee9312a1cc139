import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { decode } from "next-auth/jwt";
import { proxy } from "../proxy";
import { encodeSession } from "../lib/auth/session-cookie";
import { serverEnv } from "../lib/env";

const COOKIE = "next-auth.session-token";
const minutesAgo = (minutes: number) => Date.now() - minutes * 60_000;

async function visit(path: string, claims?: { signedInAt: number; seenAt: number }) {
  const headers = new Headers();
  if (claims) headers.set("cookie", `${COOKIE}=${await encodeSession({ sub: "00000000-0000-4000-8000-000000000001", ...claims }, serverEnv().NEXTAUTH_SECRET)}`);
  return proxy(new NextRequest(`http://localhost:3000${path}`, { headers }));
}

describe("the headers in front of every page", () => {
  it("give each response a Content-Security-Policy with a nonce of its own, and pass the nonce to the page", async () => {
    const [first, second] = [await visit("/sign-in"), await visit("/sign-in")];
    const policy = first.headers.get("content-security-policy")!;
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(second.headers.get("content-security-policy")).not.toBe(policy);
    const nonce = /'nonce-([^']+)'/.exec(policy)![1]!;
    expect(first.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
    // A public page passes without a session; a signed-in page redirects with the policy set all the same.
    expect(first.headers.get("location")).toBeNull();
    expect((await visit("/patients")).headers.get("content-security-policy")).toContain("'nonce-");
  });
});

describe("the session check in front of every page", () => {
  it("sends a visitor without a session to sign-in, keeping where they were going", async () => {
    const response = await visit("/patients?q=ames");
    expect(response.headers.get("location")).toBe("http://localhost:3000/sign-in?callbackUrl=%2Fpatients%3Fq%3Dames");
  });

  it("ends a session idle past the limit: to sign-in with the reason, and the cookie cleared", async () => {
    const response = await visit("/patients", { signedInAt: minutesAgo(30), seenAt: minutesAgo(serverEnv().SESSION_IDLE_MINUTES + 1) });
    expect(response.headers.get("location")).toBe("http://localhost:3000/sign-in?callbackUrl=%2Fpatients&error=SessionExpired");
    expect(response.cookies.get(COOKIE)?.value).toBe("");
  });

  it("ends a session 8 hours after sign-in, however recently used", async () => {
    const response = await visit("/patients", { signedInAt: minutesAgo(8 * 60 + 1), seenAt: minutesAgo(0) });
    expect(response.headers.get("location")).toContain("error=SessionExpired");
  });

  it("keeps a session in use current: its last-seen time is renewed, at most once a minute", async () => {
    const stale = await visit("/patients", { signedInAt: minutesAgo(30), seenAt: minutesAgo(5) });
    expect(stale.headers.get("location")).toBeNull();
    const renewed = await decode({ token: stale.cookies.get(COOKIE)!.value, secret: serverEnv().NEXTAUTH_SECRET });
    expect(renewed?.seenAt).toBeGreaterThan(minutesAgo(1));
    expect(renewed?.signedInAt).toBeLessThan(minutesAgo(29));

    const fresh = await visit("/patients", { signedInAt: minutesAgo(30), seenAt: minutesAgo(0.2) });
    expect(fresh.headers.get("location")).toBeNull();
    expect(fresh.cookies.get(COOKIE)).toBeUndefined();
  });
});
