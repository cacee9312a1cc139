import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/access/actor";
import { authorize, deny, targetOf } from "@/lib/audit/guard";
import { recordAudit } from "@/lib/audit/audit-log";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { smartSettings } from "@/lib/smart/smart-settings";
import { relativeReference } from "@/lib/smart/smart-launch";

// Which EHR user is which Backstep clinician: links an administrator keeps, so a SMART launch signs in only the
// person the organization chose, never someone the EHR merely names.
export type EhrLinkView = { id: string; issuer: string; fhirUser: string; clinician: string };
export type EhrLinks = { configured: boolean; issuers: string[]; links: EhrLinkView[]; clinicians: { id: string; name: string }[] };

const FHIR_USER = /^(Practitioner|PractitionerRole|Person)\/[A-Za-z0-9\-.]{1,64}$/;

export async function listEhrLinks(actor: Actor): Promise<EhrLinks> {
  await authorize(db(), actor, "read", "organization", { action: "organization.read", entityType: "ehr-link" });
  const settings = await smartSettings();
  const [links, clinicians] = await Promise.all([
    db().ehrUserLink.findMany({ where: { organizationId: actor.organizationId }, orderBy: [{ issuer: "asc" }, { fhirUser: "asc" }], select: { id: true, issuer: true, fhirUser: true, user: { select: { name: true, email: true } } } }),
    db().user.findMany({ where: { organizationId: actor.organizationId, role: "clinician", active: true }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  await recordAudit(db(), { actor, action: "organization.read", outcome: "success", entityType: "ehr-link", entityId: actor.organizationId });
  return { configured: settings !== null, issuers: settings?.issuers ?? [], links: links.map((l) => ({ id: l.id, issuer: l.issuer, fhirUser: l.fhirUser, clinician: `${l.user.name} (${l.user.email})` })), clinicians };
}

const linkInput = z.strictObject({
  issuer: z.string({ error: "choose the EHR" }).min(1, { error: "choose the EHR" }),
  fhirUser: z.string({ error: "give the EHR user" }).trim().min(1, { error: "give the EHR user, e.g. Practitioner/123" }),
  userId: z.uuid({ error: "choose a clinician" }),
});

export async function createEhrLink(actor: Actor, input: unknown): Promise<{ id: string }> {
  await authorize(db(), actor, "update", "organization", { action: "ehr-link.create", entityType: "ehr-link" });
  const data = parseInput(linkInput, input);
  const settings = await smartSettings();
  if (!settings?.issuers.includes(data.issuer)) throw new AppError("invalid-input", "Some fields need attention.", [{ path: "issuer", message: "choose an EHR from the list (SMART_ISSUERS)" }]);
  const fhirUser = relativeReference(data.fhirUser, data.issuer);
  if (!FHIR_USER.test(fhirUser)) throw new AppError("invalid-input", "Some fields need attention.", [{ path: "fhirUser", message: "the EHR user is its fhirUser reference, e.g. Practitioner/123" }]);
  return db().$transaction(async (tx) => {
    const clinician = await tx.user.findFirst({ where: { id: data.userId, organizationId: actor.organizationId, role: "clinician", active: true }, select: { id: true } });
    if (!clinician) throw new AppError("invalid-input", "Some fields need attention.", [{ path: "userId", message: "choose an active clinician of this organization" }]);
    if (await tx.ehrUserLink.findUnique({ where: { issuer_fhirUser: { issuer: data.issuer, fhirUser } }, select: { id: true } })) {
      throw new AppError("conflict", "That EHR user is already linked.", [{ path: "fhirUser", message: `${fhirUser} is already linked to a Backstep account` }]);
    }
    const link = await tx.ehrUserLink.create({ data: { organizationId: actor.organizationId, issuer: data.issuer, fhirUser, userId: clinician.id }, select: { id: true } });
    await recordAudit(tx, { actor, action: "ehr-link.create", outcome: "success", entityType: "ehr-link", entityId: link.id, detail: { issuer: data.issuer, fhirUser, userId: clinician.id } });
    return link;
  });
}

export async function deleteEhrLink(actor: Actor, input: unknown): Promise<void> {
  await authorize(db(), actor, "update", "organization", { action: "ehr-link.delete", entityType: "ehr-link", entityId: targetOf(input, "id") });
  const { id } = parseInput(z.strictObject({ id: z.uuid({ error: "link id must be a UUID" }) }), input);
  const removed = await db().$transaction(async (tx) => {
    const link = await tx.ehrUserLink.findFirst({ where: { id, organizationId: actor.organizationId }, select: { issuer: true, fhirUser: true, userId: true } });
    if (!link) return false;
    await tx.ehrUserLink.delete({ where: { id } });
    await recordAudit(tx, { actor, action: "ehr-link.delete", outcome: "success", entityType: "ehr-link", entityId: id, detail: link });
    return true;
  });
  if (!removed) await deny(db(), actor, { action: "ehr-link.delete", entityType: "ehr-link", entityId: id }, new AppError("not-found", "No such link."));
}
