import "server-only";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { getToken } from "next-auth/jwt";
import { db } from "@/lib/db/client";
import { serverEnv } from "@/lib/env";
import type { Actor } from "@/lib/access/actor";
import { AppError } from "@/lib/errors";
import { resolveActor } from "./resolve-actor";
import { claimsOf } from "./session-policy";
import { requestAddress } from "./request-address";

// Read once per request (React cache), re-checked against the database each time.
export const getActor = cache(async (): Promise<Actor | null> => {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  const token = await getToken({
    req: { headers: Object.fromEntries(headerList), cookies: Object.fromEntries(cookieStore.getAll().map((c) => [c.name, c.value])) } as never,
    secret: serverEnv().NEXTAUTH_SECRET,
  });
  const actor = await resolveActor(db(), claimsOf(token), new Date(), serverEnv().SESSION_IDLE_MINUTES);
  return actor && { ...actor, sourceAddress: requestAddress(headerList) };
});

/** For pages: the signed-in user, or a redirect to the sign-in page. */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/sign-in");
  return actor;
}

/** For route handlers and server actions: the signed-in user, or a 401 error. */
export async function requireApiActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) throw new AppError("unauthenticated", "Sign in to continue.");
  return actor;
}
