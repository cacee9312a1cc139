import "server-only";
import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { db } from "@/lib/db/client";
import { authOptions, SIGN_IN_ERRORS } from "./auth-options";
import { throttledFor } from "./authenticate";
import { requestAddress } from "./request-address";
import { readBodyText } from "@/lib/http/request-body";
import { errorResponse } from "@/lib/http/route-response";

const nextAuth = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };

export function handleAuthGet(request: NextRequest, context: Context) {
  return nextAuth(request, context);
}

/** A throttled credentials sign-in is refused with 429 and Retry-After before next-auth sees it. */
export async function handleAuthPost(request: NextRequest, context: Context) {
  const { nextauth } = await context.params;
  let form: URLSearchParams;
  try {
    // Sign-in and sign-out post small forms; anything else (JSON, a megabyte) is refused before next-auth reads it.
    form = new URLSearchParams(await readBodyText(request.clone(), "application/x-www-form-urlencoded"));
  } catch (error) {
    return errorResponse(error);
  }
  if (nextauth.join("/") === "callback/credentials") {
    const wait = await throttledFor(db(), form.get("email") ?? "", requestAddress(request.headers));
    if (wait !== null) {
      const url = new URL(`/sign-in?error=${SIGN_IN_ERRORS.throttled}`, request.url).toString();
      return Response.json(
        { error: "throttled", message: "Too many failed sign-in attempts.", retryAfterSeconds: wait, url },
        { status: 429, headers: { "Retry-After": String(wait) } },
      );
    }
  }
  return nextAuth(request, context);
}
