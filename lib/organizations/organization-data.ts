import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/access/actor";
import { authorize, deny, targetOf } from "@/lib/audit/guard";
import { recordAudit } from "@/lib/audit/audit-log";
import { auditChanges } from "@/lib/audit/audit-changes";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { ADHERENCE_THRESHOLD_RANGE } from "@/lib/ladder/adequacy";
import { plainText } from "@/lib/plain-text";

// The organization's settings and its sites, as its administrators keep them. Every change is an audit event with
// each changed value before and after.

export type SiteKind = "primary_care" | "pt_clinic";
export type SiteView = { id: string; name: string; kind: SiteKind; phone: string | null; address: string | null; retired: boolean };
export type OrganizationSettings = {
  name: string;
  guidelineProfile: "us" | "uk";
  profileSwitchAllowed: boolean;
  ptVisitLimit: number;
  adherenceThresholdPercent: number;
  /** Everyone signs in in two steps (administrators always do). */
  mfaRequired: boolean;
  sites: SiteView[];
};

const CLINICAL = { guidelineProfile: true, profileSwitchAllowed: true, ptVisitLimit: true, adherenceThresholdPercent: true } as const;
const SETTINGS = { name: true, ...CLINICAL, mfaRequired: true } as const;

export async function getOrganizationSettings(actor: Actor): Promise<OrganizationSettings> {
  await authorize(db(), actor, "read", "organization", { action: "organization.read", entityType: "organization" });
  return db().$transaction(async (tx) => {
    const organization = await tx.organization.findUniqueOrThrow({
      where: { id: actor.organizationId },
      select: { ...SETTINGS, sites: { orderBy: [{ kind: "asc" }, { name: "asc" }], select: { id: true, name: true, kind: true, phone: true, address: true, retiredAt: true } } },
    });
    await recordAudit(tx, { actor, action: "organization.read", outcome: "success", entityType: "organization", entityId: actor.organizationId });
    const { sites, ...settings } = organization;
    return { ...settings, sites: sites.map(({ retiredAt, ...site }) => ({ ...site, retired: retiredAt !== null })) };
  });
}

export type ClinicalSettings = Omit<OrganizationSettings, "name" | "sites" | "mfaRequired">;

/** The settings every visit of the organization runs under, for anyone who may read the evidence behind them. */
export async function getClinicalSettings(actor: Actor): Promise<ClinicalSettings> {
  await authorize(db(), actor, "read", "evidence", { action: "evidence.read", entityType: "organization" });
  return db().organization.findUniqueOrThrow({ where: { id: actor.organizationId }, select: CLINICAL });
}

const text = (label: string, max: number) =>
  plainText(z.string({ error: `${label} is required` }).trim().min(1, { error: `${label} is required` }).max(max, { error: `${label} is limited to ${max} characters` }), label);
const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `${label} is limited to ${max} characters` })
    .pipe(plainText(z.string(), label))
    .transform((value) => value || null);

const wholeNumber = (label: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${label} must be a whole number` })
    .int({ error: `${label} must be a whole number` })
    .min(min, { error: `${label} must be at least ${min}` })
    .max(max, { error: `${label} must be at most ${max}` });

const settingsInput = z.strictObject({
  name: text("name", 200),
  guidelineProfile: z.enum(["us", "uk"], { error: "profile must be us or uk" }),
  profileSwitchAllowed: z.boolean({ error: "say whether clinicians may switch the profile" }),
  ptVisitLimit: wholeNumber("covered PT visits", 0, 365),
  adherenceThresholdPercent: wholeNumber("the adherence threshold", ADHERENCE_THRESHOLD_RANGE.min, ADHERENCE_THRESHOLD_RANGE.max),
  mfaRequired: z.boolean({ error: "say whether everyone signs in in two steps" }).default(false),
});

export async function updateOrganizationSettings(actor: Actor, input: unknown): Promise<void> {
  await authorize(db(), actor, "update", "organization", { action: "organization.update", entityType: "organization" });
  const data = parseInput(settingsInput, input);
  await db().$transaction(async (tx) => {
    const before = await tx.organization.findUniqueOrThrow({ where: { id: actor.organizationId }, select: SETTINGS });
    await tx.organization.update({ where: { id: actor.organizationId }, data });
    await recordAudit(tx, { actor, action: "organization.update", outcome: "success", entityType: "organization", entityId: actor.organizationId, detail: auditChanges(before, data) });
  });
}

const siteFields = {
  name: text("name", 200),
  phone: optionalText("phone", 50),
  address: optionalText("address", 300),
};
const newSiteInput = z.strictObject({ ...siteFields, kind: z.enum(["primary_care", "pt_clinic"], { error: "kind must be a primary care practice or a PT clinic" }) });
const siteUpdateInput = z.strictObject({ id: z.uuid({ error: "site id must be a UUID" }), ...siteFields, retired: z.boolean({ error: "say whether the site is retired" }) });

export async function createSite(actor: Actor, input: unknown): Promise<{ id: string }> {
  await authorize(db(), actor, "update", "organization", { action: "site.create", entityType: "site" });
  const data = parseInput(newSiteInput, input);
  return db().$transaction(async (tx) => {
    const site = await tx.site.create({ data: { ...data, organizationId: actor.organizationId }, select: { id: true } });
    await recordAudit(tx, { actor, action: "site.create", outcome: "success", entityType: "site", entityId: site.id, detail: { name: data.name, kind: data.kind } });
    return site;
  });
}

/** Renames a site, sets how patients reach it, or retires it (it keeps its history) and brings it back. */
export async function updateSite(actor: Actor, input: unknown): Promise<void> {
  await authorize(db(), actor, "update", "organization", { action: "site.update", entityType: "site", entityId: targetOf(input, "id") });
  const { id, retired, ...data } = parseInput(siteUpdateInput, input);
  const done = await db().$transaction(async (tx) => {
    const before = await tx.site.findFirst({ where: { id, organizationId: actor.organizationId }, select: { name: true, phone: true, address: true, retiredAt: true } });
    if (!before) return false;
    const retiredAt = retired ? (before.retiredAt ?? new Date()) : null;
    await tx.site.update({ where: { id }, data: { ...data, retiredAt } });
    const detail = auditChanges({ name: before.name, phone: before.phone, address: before.address, retired: before.retiredAt !== null }, { ...data, retired });
    await recordAudit(tx, { actor, action: "site.update", outcome: "success", entityType: "site", entityId: id, detail });
    return true;
  });
  if (!done) await deny(db(), actor, { action: "site.update", entityType: "site", entityId: id }, new AppError("not-found", "No such site."));
}
