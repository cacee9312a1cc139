import { z } from "zod";
import type { Db } from "@/lib/db/prisma-client";
import { AppError } from "@/lib/errors";
import { toFieldIssues } from "@/lib/validation";
import { emailAddress } from "@/lib/auth/email-address";
import { recordAudit } from "@/lib/audit/audit-log";
import { hashPassword } from "@/lib/auth/password";
import { passwordProblem } from "@/lib/auth/password-policy";
import { plainText } from "@/lib/plain-text";

// The first administrator of a practice, made from the command line: the organization is created when it does not
// exist yet, and the admin is an active user in it who signs in with the password given.

export const firstAdminInput = z.strictObject({
  organization: plainText(z.string({ error: "organization is required" }).trim().min(1, { error: "organization is required" }).max(200, { error: "organization is limited to 200 characters" }), "organization"),
  name: plainText(z.string({ error: "name is required" }).trim().min(1, { error: "name is required" }).max(200, { error: "name is limited to 200 characters" }), "name"),
  email: emailAddress,
  password: z.string({ error: "password is required" }),
});

export type FirstAdminResult = { organizationCreated: boolean; organization: string; email: string };

/** The organization's stable key: its name in lower case, words joined by hyphens. */
export const organizationSlug = (name: string) =>
  name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "") || "organization";

export async function createFirstAdmin(db: Db, input: unknown): Promise<FirstAdminResult> {
  // Every problem at once: the fields' and the password's.
  const checked = firstAdminInput.safeParse(input);
  const given = (checked.success ? checked.data : (input ?? {})) as Partial<Record<keyof typeof firstAdminInput.shape, unknown>>;
  const personal = [given.name, given.email, given.organization].filter((v): v is string => typeof v === "string");
  const weak = typeof given.password === "string" ? passwordProblem(given.password, personal) : null;
  const issues = [...(checked.success ? [] : toFieldIssues(checked.error)), ...(weak ? [{ path: "password", message: weak }] : [])];
  if (!checked.success || weak) throw new AppError("invalid-input", weak && checked.success ? "Choose a stronger password." : "Some fields need attention.", issues);
  const parsed = checked.data;
  const passwordHash = await hashPassword(parsed.password);
  const slug = organizationSlug(parsed.organization);
  return db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: parsed.email }, select: { id: true } })) {
      throw new AppError("conflict", "That email is already in use.", [{ path: "email", message: `${parsed.email} already has an account` }]);
    }
    const existing = await tx.organization.findUnique({ where: { slug }, select: { id: true, name: true } });
    const organization = existing ?? (await tx.organization.create({ data: { name: parsed.organization, slug }, select: { id: true, name: true } }));
    if (!existing) {
      await recordAudit(tx, { actor: null, organizationId: organization.id, action: "organization.create", outcome: "success", entityType: "organization", entityId: organization.id, detail: { via: "command line", name: organization.name } });
    }
    const user = await tx.user.create({
      data: { organizationId: organization.id, email: parsed.email, name: parsed.name, role: "admin", credential: { create: { passwordHash } } },
      select: { id: true },
    });
    await recordAudit(tx, { actor: null, organizationId: organization.id, action: "user.create", outcome: "success", entityType: "user", entityId: user.id, detail: { via: "command line", role: "admin", active: true } });
    return { organizationCreated: !existing, organization: organization.name, email: parsed.email };
  });
}
