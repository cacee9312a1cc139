import { z } from "zod";

/** A person's email address as accounts store it: trimmed and in lower case. */
export const emailAddress = z.string({ error: "email is required" }).trim().toLowerCase().pipe(z.email({ error: "email must be an email address" }));
