import "server-only";
import { serverEnv } from "@/lib/env";
import { encodeSession, SESSION_COOKIES, sessionCookieOptions } from "@/lib/auth/session-cookie";
import type { SmartSettings } from "./smart-settings";

// What the launch routes answer: a redirect carrying cookies, or a plain page saying what went wrong (a launch
// happens inside the EHR, where a clear sentence beats an error code).
export const BINDING_COOKIE = "backstep-smart-launch";

/** One cookie's value from a Cookie header. */
export function cookieValue(header: string | null, name: string): string | undefined {
  for (const part of header?.split(";") ?? []) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return value.join("=");
  }
  return undefined;
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function launchProblem(message: string, status: number): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Backstep could not open</title></head><body style="font-family:system-ui;margin:2rem;max-width:40rem"><h1>Backstep could not open</h1><p>${escape(message)}</p></body></html>`;
  return new Response(html, { status, headers: { "Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'", "Cache-Control": "no-store" } });
}

function cookie(name: string, value: string, options: { path: string; maxAge: number; secure: boolean; httpOnly: boolean; sameSite: string }): string {
  return `${name}=${value}; Path=${options.path}; Max-Age=${options.maxAge}; SameSite=${options.sameSite}${options.secure ? "; Secure" : ""}${options.httpOnly ? "; HttpOnly" : ""}`;
}

/** To the EHR's authorization page, with the value that binds the launch to this browser. */
export function toAuthorize(settings: SmartSettings, authorizeUrl: string, binding: string): Response {
  const headers = new Headers({ Location: authorizeUrl, "Cache-Control": "no-store" });
  headers.append("Set-Cookie", cookie(BINDING_COOKIE, binding, { path: "/smart", maxAge: 600, secure: settings.publicUrl.startsWith("https://"), httpOnly: true, sameSite: "Lax" }));
  return new Response(null, { status: 303, headers });
}

/** Into the visit, signed in as the linked clinician; the binding cookie is spent. */
export async function toVisit(userId: string, encounterId: string): Promise<Response> {
  const { NEXTAUTH_SECRET: secret, NEXTAUTH_URL: url } = serverEnv();
  const name = url?.startsWith("https://") ? SESSION_COOKIES[0] : SESSION_COOKIES[1];
  const now = Date.now();
  const options = sessionCookieOptions(name);
  const headers = new Headers({ Location: `/encounters/${encodeURIComponent(encounterId)}`, "Cache-Control": "no-store" });
  headers.append("Set-Cookie", cookie(name, await encodeSession({ sub: userId, signedInAt: now, seenAt: now }, secret), { path: "/", maxAge: options.maxAge, secure: options.secure, httpOnly: true, sameSite: "Lax" }));
  headers.append("Set-Cookie", cookie(BINDING_COOKIE, "", { path: "/smart", maxAge: 0, secure: false, httpOnly: true, sameSite: "Lax" }));
  return new Response(null, { status: 303, headers });
}
