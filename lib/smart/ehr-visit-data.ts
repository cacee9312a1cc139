import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/access/actor";
import { recordAudit } from "@/lib/audit/audit-log";
import { startEncounter } from "@/lib/encounters/encounters-data";
import { toIsoDate } from "@/lib/dates";
import { CHART_MAPPING_VERSION, readChart } from "@/lib/fhir/chart-assessment";
import { dayOf, listOf, objectOf, textOf, type FhirJson } from "@/lib/fhir/fhir-values";
import { prefillFromChart } from "@/lib/fhir/visit-prefill";
import type { AssessmentInput } from "@/lib/ladder/assessment-schema";
import { chartOf, readFhirChart } from "@/lib/cds/chart-fetch";
import type { EhrSource } from "@/lib/encounters/encounter-dto";
import { SmartLaunchRefused, type LaunchTokens } from "./smart-launch";

// After a SMART launch: the EHR user becomes the Backstep clinician an administrator linked them to (never by a name
// the EHR sends), the EHR's patient the Backstep patient linked to it (found by record number, or made at the first
// launch), and a visit opens with the chart's facts filled in and marked as coming from the EHR.

export async function openEhrVisit(tokens: LaunchTokens, sourceAddress: string | null): Promise<{ userId: string; encounterId: string }> {
  const link = await db().ehrUserLink.findUnique({
    where: { issuer_fhirUser: { issuer: tokens.issuer, fhirUser: tokens.fhirUser } },
    select: { user: { select: { id: true, name: true, email: true, role: true, active: true, organizationId: true, siteId: true } } },
  });
  if (!link?.user.active || link.user.role !== "clinician") {
    await recordAudit(db(), { actor: null, action: "smart.launch", outcome: "denied", sourceAddress, detail: { issuer: tokens.issuer, fhirUser: tokens.fhirUser, reason: link ? "not an active clinician" : "not linked" } });
    throw new SmartLaunchRefused("Your EHR account is not linked to a Backstep clinician. Ask your Backstep administrator to link it.", 403);
  }
  const { user } = link;
  const actor: Actor = { userId: user.id, name: user.name, email: user.email, role: user.role, organizationId: user.organizationId, siteId: user.siteId, sourceAddress };

  const read = await readFhirChart(tokens.issuer, tokens.accessToken, tokens.patient);
  const chart = chartOf(read.resources);
  if (!chart.patient) throw new SmartLaunchRefused("The EHR did not give the patient's record.", 502);
  const patientId = await linkedPatient(actor, tokens.issuer, tokens.patient, chart.patient);
  const { id: encounterId } = await startEncounter(actor, { patientId });

  const reading = readChart(chart, toIsoDate(new Date()));
  await db().$transaction(async (tx) => {
    const encounter = await tx.encounter.findFirst({ where: { id: encounterId, status: "draft" }, select: { assessment: true } });
    if (!encounter) return;
    const { assessment, filled } = prefillFromChart(encounter.assessment as Partial<AssessmentInput>, reading);
    const source: EhrSource = {
      issuer: tokens.issuer,
      mappingVersion: CHART_MAPPING_VERSION,
      filled,
      missing: [...reading.missing, ...reading.scoreTotals, ...read.unread.map((what) => `${what} (could not be read from the EHR)`)],
      notChecked: [...reading.unassessed, ...reading.doseNotes],
    };
    await tx.encounter.update({ where: { id: encounterId }, data: { assessment: assessment as Prisma.InputJsonValue, ehrSource: source as Prisma.InputJsonValue, version: { increment: 1 } } });
    await recordAudit(tx, { actor, action: "smart.launch", outcome: "success", entityType: "encounter", entityId: encounterId, patientId, detail: { issuer: tokens.issuer, fhirUser: tokens.fhirUser, filled: filled.length, missing: source.missing.length, hookInstance: hookInstanceOf(tokens.appContext) } });
  });
  return { userId: user.id, encounterId };
}

/** The CDS Hooks call whose card opened this launch (its link's appContext), so the trail ties the card to the visit. */
function hookInstanceOf(appContext: string | null): string | null {
  try {
    const value = (JSON.parse(appContext ?? "null") as { hookInstance?: unknown } | null)?.hookInstance;
    return typeof value === "string" ? value.slice(0, 200) : null;
  } catch {
    return null;
  }
}

/** The Backstep patient for the EHR's patient: linked before, or found by record number, or made now. */
async function linkedPatient(actor: Actor, issuer: string, fhirPatientId: string, patient: FhirJson): Promise<string> {
  const key = { issuer_fhirPatientId_organizationId: { issuer, fhirPatientId, organizationId: actor.organizationId } };
  const linked = await db().ehrPatientLink.findUnique({ where: key, select: { patientId: true } });
  if (linked) return linked.patientId;
  const details = patientDetails(patient, fhirPatientId);
  return db().$transaction(async (tx) => {
    const found = await tx.patient.findUnique({ where: { organizationId_mrn: { organizationId: actor.organizationId, mrn: details.mrn } }, select: { id: true } });
    const id = found?.id ?? (await tx.patient.create({ data: { organizationId: actor.organizationId, ...details }, select: { id: true } })).id;
    if (!found) await recordAudit(tx, { actor, action: "patient.create", outcome: "success", entityType: "patient", entityId: id, patientId: id, detail: { source: "ehr" } });
    await tx.ehrPatientLink.create({ data: { issuer, fhirPatientId, organizationId: actor.organizationId, patientId: id } });
    return id;
  });
}

const SEXES = new Set(["female", "male", "other", "unknown"]);

function patientDetails(patient: FhirJson, fhirPatientId: string): { mrn: string; givenName: string; familyName: string; birthDate: Date; sex: "female" | "male" | "other" | "unknown" } {
  const names = listOf(patient.name).map(objectOf).filter((n): n is FhirJson => n !== undefined);
  const name = names.find((n) => n.use === "official") ?? names[0];
  const birthDate = dayOf(patient.birthDate);
  if (!birthDate) throw new SmartLaunchRefused("The EHR's record of this patient has no birth date.", 502);
  const identifiers = listOf(patient.identifier).map(objectOf).filter((i): i is FhirJson => i !== undefined && textOf(i.value) !== undefined);
  const medicalRecord = identifiers.find((i) => listOf(objectOf(i.type)?.coding).some((c) => textOf(objectOf(c)?.code) === "MR")) ?? identifiers[0];
  const gender = textOf(patient.gender) ?? "unknown";
  return {
    mrn: (textOf(medicalRecord?.value) ?? `EHR-${fhirPatientId}`).slice(0, 64),
    givenName: (listOf(name?.given).map(textOf).filter(Boolean).join(" ") || "(not given)").slice(0, 100),
    familyName: (textOf(name?.family) ?? "(not given)").slice(0, 100),
    birthDate: new Date(`${birthDate}T00:00:00Z`),
    sex: (SEXES.has(gender) ? gender : "unknown") as "female" | "male" | "other" | "unknown",
  };
}
