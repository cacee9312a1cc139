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

export const TWO_STEP_PAGE = "/account/two-step";
type Options = { settingUpTwoStep?: boolean };

/**
 * For pages: the signed-in user, or a redirect to the sign-in page. Someone who must set up two-step sign-in first is
 * sent to that page from every other.
 */
export async function requireActor(options: Options = {}): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/sign-in");
  if (actor.mustEnrolTwoStep && !options.settingUpTwoStep) redirect(TWO_STEP_PAGE);
  return actor;
}

/** For route handlers and server actions: the signed-in user, or a 401 error (403 until two-step sign-in is set up when required). */
export async function requireApiActor(options: Options = {}): Promise<Actor> {
  const actor = await getActor();
  if (!actor) throw new AppError("unauthenticated", "Sign in to continue.");
  if (actor.mustEnrolTwoStep && !options.settingUpTwoStep) throw new AppError("forbidden", "Set up two-step sign-in first.");
  return actor;
}
