"use server";

import { revalidatePath } from "next/cache";
import { requireApiActor } from "@/lib/auth/session";
import { createSite, updateOrganizationSettings, updateSite } from "@/lib/organizations/organization-data";
import { createEhrLink, deleteEhrLink } from "@/lib/organizations/ehr-links-data";
import { setMeasureTarget } from "@/lib/measures/measure-targets-data";
import { actionFailure, type ActionResult } from "@/lib/http/action-result";
import { formNumber } from "@/lib/http/form-number";

// Form values arrive as text; "on" is a ticked box. The data functions check every field.
const ticked = (form: FormData, name: string) => form.get(name) === "on";
const field = (form: FormData, name: string) => String(form.get(name) ?? "");

async function run(change: () => Promise<unknown>): Promise<ActionResult> {
  try {
    await change();
  } catch (error) {
    return actionFailure(error);
  }
  revalidatePath("/admin/organization");
  return { ok: true };
}

export async function updateSettingsAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return run(async () =>
    updateOrganizationSettings(await requireApiActor(), {
      name: field(form, "name"),
      guidelineProfile: field(form, "guidelineProfile"),
      profileSwitchAllowed: ticked(form, "profileSwitchAllowed"),
      ptVisitLimit: field(form, "ptVisitLimit"),
      adherenceThresholdPercent: field(form, "adherenceThresholdPercent"),
      mfaRequired: ticked(form, "mfaRequired"),
    }),
  );
}

export async function createSiteAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return run(async () => createSite(await requireApiActor(), { name: field(form, "name"), kind: field(form, "kind"), phone: field(form, "phone"), address: field(form, "address") }));
}

export async function updateSiteAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return run(async () =>
    updateSite(await requireApiActor(), { id: field(form, "id"), name: field(form, "name"), phone: field(form, "phone"), address: field(form, "address"), retired: ticked(form, "retired") }),
  );
}

export async function createEhrLinkAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return run(async () => createEhrLink(await requireApiActor(), { issuer: field(form, "issuer"), fhirUser: field(form, "fhirUser"), userId: field(form, "userId") }));
}

export async function deleteEhrLinkAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return run(async () => deleteEhrLink(await requireApiActor(), { id: field(form, "id") }));
}

export async function setMeasureTargetAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return run(async () => setMeasureTarget(await requireApiActor(), { measureId: field(form, "measureId"), percent: formNumber(field(form, "percent").trim()) ?? null }));
}
