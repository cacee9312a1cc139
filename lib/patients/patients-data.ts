import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { Actor } from "@/lib/access/actor";
import { can } from "@/lib/access/policy";
import { authorize, deny, targetOf, recordId } from "@/lib/audit/guard";
import { recordAudit } from "@/lib/audit/audit-log";
import { auditChanges } from "@/lib/audit/audit-changes";
import { AppError } from "@/lib/errors";
import { contactReachable, patientFields, patientShape } from "./patient-input";
import { parseInput } from "@/lib/validation";
import { ageInYears, fromIsoDate, toIsoDate } from "@/lib/dates";
import type { PatientDetail, PatientListPage } from "./patient-dto";
import { visiblePatients } from "./patient-scope";
import { buildPatientChart, type SignedVisit } from "./patient-chart";
import type { Recommendation } from "@/lib/ladder/recommendation";
import { visibleReferrals } from "@/lib/referrals/referral-scope";
import { plainText } from "@/lib/plain-text";

const PAGE_SIZE = 25;

const PATIENT_FIELDS = { id: true, mrn: true, givenName: true, familyName: true, birthDate: true, sex: true } as const;

const listInput = z.object({
  q: plainText(z.string().trim().max(100, { error: "Search is limited to 100 characters" }), "Search").default(""),
  page: z.coerce.number({ error: "page must be a whole number" }).int({ error: "page must be a whole number" }).min(1, { error: "page must be at least 1" }).max(10_000, { error: "page must be at most 10000" }).default(1),
});

export async function listPatients(actor: Actor, input: unknown): Promise<PatientListPage> {
  await authorize(db(), actor, "read", "patient", { action: "patient.list" });
  const { q, page } = parseInput(listInput, input);
  // "Haddad, Omar" (as the list shows names), "Omar Haddad" and part of an MRN all find the patient.
  const terms = q.split(/[\s,]+/).filter(Boolean);
  const where: Prisma.PatientWhereInput = {
    AND: [
      visiblePatients(actor),
      ...terms.map((term) => ({
        OR: [
          { mrn: { contains: term, mode: "insensitive" as const } },
          { givenName: { contains: term, mode: "insensitive" as const } },
          { familyName: { contains: term, mode: "insensitive" as const } },
        ],
      })),
    ],
  };
  const seesEncounters = can(actor.role, "read", "encounter");
  // The count and the page run at once on two connections; the read's audit event follows them before anything is shown.
  const [total, rows] = await Promise.all([
    db().patient.count({ where }),
    db().patient.findMany({
      where,
      orderBy: [{ familyName: "asc" }, { givenName: "asc" }, { mrn: "asc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        ...PATIENT_FIELDS,
        encounters: seesEncounters ? { select: { date: true }, orderBy: { date: "desc" }, take: 1 } : false,
      },
    }),
  ]);
  await recordAudit(db(), { actor, action: "patient.list", outcome: "success", detail: { searched: terms.length > 0, page, results: rows.length } });
  const today = new Date();
  return {
    total,
    page,
    pageSize: PAGE_SIZE,
    items: rows.map((row) => ({
      id: row.id,
      mrn: row.mrn,
      name: `${row.familyName}, ${row.givenName}`,
      birthDate: toIsoDate(row.birthDate),
      ageYears: ageInYears(row.birthDate, today),
      sex: row.sex,
      lastEncounterDate: row.encounters?.[0] ? toIsoDate(row.encounters[0].date) : null,
    })),
  };
}

const patientId = z.uuid({ error: "Patient id must be a UUID" });

export async function getPatient(actor: Actor, id: unknown): Promise<PatientDetail> {
  await authorize(db(), actor, "read", "patient", { action: "patient.read", entityType: "patient", entityId: targetOf(id) });
  const parsedId = await recordId(db(), actor, { action: "patient.read", entityType: "patient" }, patientId, id);
  const seesEncounters = can(actor.role, "read", "encounter");
  const visible = { AND: [{ id: parsedId }, visiblePatients(actor)] };
  // The two reads run at once on two connections and the audit event is one statement after them: a chart is opened
  // on every visit, and a transaction around reads would only add round trips. Nothing is shown unless the event is
  // written, because a failed write fails the page.
  const [row, encounters] = await Promise.all([
    db().patient.findFirst({
      where: visible,
      select: {
        ...PATIENT_FIELDS,
        phone: true,
        email: true,
        preferredContact: true,
        referrals: {
          where: visibleReferrals(actor),
          orderBy: { createdAt: "desc" },
          select: {
            id: true,
            status: true,
            createdAt: true,
            discharge: true,
            toSite: { select: { name: true } },
            notes: { where: { OR: [{ kind: "progress" }, { kind: "plan_of_care", certifiedAt: null }] }, orderBy: { createdAt: "desc" }, select: { kind: true, date: true } },
          },
        },
      },
    }),
    seesEncounters
      ? db().encounter.findMany({
          where: { patient: visible },
          orderBy: [{ date: "desc" }, { createdAt: "desc" }],
          select: {
            id: true,
            date: true,
            status: true,
            assessment: true,
            clinician: { select: { name: true } },
            recommendations: { orderBy: { createdAt: "desc" }, take: 1, select: { output: true } },
            orders: { orderBy: [{ orderedAt: "asc" }, { position: "asc" }, { id: "asc" }], select: { kind: true, medicationAction: true, detail: true } },
          },
        })
      : null,
  ]);
  if (!row) {
    // Not found and not visible look the same, so ids of other clinics' patients reveal nothing.
    return deny(db(), actor, { action: "patient.read", entityType: "patient", entityId: parsedId }, new AppError("not-found", "No such patient."));
  }
  await recordAudit(db(), { actor, action: "patient.read", outcome: "success", entityType: "patient", entityId: row.id, patientId: row.id });
  return {
    id: row.id,
    mrn: row.mrn,
    givenName: row.givenName,
    familyName: row.familyName,
    birthDate: toIsoDate(row.birthDate),
    ageYears: ageInYears(row.birthDate, new Date()),
    sex: row.sex,
    contact: { phone: row.phone, email: row.email, preferred: row.preferredContact },
    encounters: encounters
      ? encounters.map((e) => ({ id: e.id, date: toIsoDate(e.date), status: e.status, clinicianName: e.clinician.name }))
      : null,
    chart: encounters
      ? buildPatientChart(
          encounters
            .filter((e) => e.status === "signed")
            .map((e) => ({
              date: toIsoDate(e.date),
              assessment: e.assessment as SignedVisit["assessment"],
              orders: e.orders,
              recommendation: (e.recommendations[0]?.output as Recommendation | undefined) ?? null,
            })),
          toIsoDate(new Date()),
        )
      : null,
    referrals: row.referrals.map((r) => {
      const discharge = r.discharge as { outcome?: string; recommendation?: string } | null;
      return {
        id: r.id,
        status: r.status,
        toSiteName: r.toSite.name,
        createdAt: toIsoDate(r.createdAt),
        discharge: discharge?.outcome ? { outcome: discharge.outcome, recommendation: discharge.recommendation ?? "" } : null,
        latestProgressNote: ((note) => (note ? toIsoDate(note.date) : null))(r.notes.find((n) => n.kind === "progress")),
        plansAwaitingCertification: r.notes.filter((n) => n.kind === "plan_of_care").length,
      };
    }),
  };
}

export async function createPatient(actor: Actor, input: unknown): Promise<{ id: string }> {
  await authorize(db(), actor, "create", "patient", { action: "patient.create", entityType: "patient" });
  const data = parseInput(patientFields, input);
  return db().$transaction(async (tx) => {
    const taken = await tx.patient.findUnique({
      where: { organizationId_mrn: { organizationId: actor.organizationId, mrn: data.mrn } },
      select: { id: true },
    });
    if (taken) throw new AppError("conflict", "That MRN is already in use.", [{ path: "mrn", message: "This MRN already belongs to another patient" }]);
    const created = await tx.patient.create({
      data: { ...data, birthDate: fromIsoDate(data.birthDate), organizationId: actor.organizationId },
      select: { id: true },
    });
    await recordAudit(tx, { actor, action: "patient.create", outcome: "success", entityType: "patient", entityId: created.id, patientId: created.id });
    return created;
  });
}

const patientUpdate = patientShape.extend({ id: patientId }).superRefine(contactReachable);

/** Corrects a patient's demographics; the audit event keeps each changed field's value before and after. */
export async function updatePatient(actor: Actor, input: unknown): Promise<{ id: string }> {
  await authorize(db(), actor, "update", "patient", { action: "patient.update", entityType: "patient", entityId: targetOf(input, "id") });
  const { id, ...data } = parseInput(patientUpdate, input);
  const updated = await db().$transaction(async (tx) => {
    const current = await tx.patient.findFirst({
      where: { AND: [{ id }, visiblePatients(actor)] },
      select: { id: true, mrn: true, givenName: true, familyName: true, birthDate: true, sex: true, phone: true, email: true, preferredContact: true },
    });
    if (!current) return null;
    if (data.mrn !== current.mrn && (await tx.patient.findUnique({ where: { organizationId_mrn: { organizationId: actor.organizationId, mrn: data.mrn } }, select: { id: true } }))) {
      throw new AppError("conflict", "That MRN is already in use.", [{ path: "mrn", message: "This MRN already belongs to another patient" }]);
    }
    const before = {
      mrn: current.mrn,
      givenName: current.givenName,
      familyName: current.familyName,
      birthDate: toIsoDate(current.birthDate),
      sex: current.sex,
      phone: current.phone,
      email: current.email,
      preferredContact: current.preferredContact,
    };
    const after = { ...data, phone: data.phone ?? null, email: data.email ?? null, preferredContact: data.preferredContact ?? null };
    await tx.patient.update({ where: { id }, data: { ...after, birthDate: fromIsoDate(data.birthDate) } });
    await recordAudit(tx, { actor, action: "patient.update", outcome: "success", entityType: "patient", entityId: id, patientId: id, detail: auditChanges(before, after) });
    return { id };
  });
  return updated ?? deny(db(), actor, { action: "patient.update", entityType: "patient", entityId: id }, new AppError("not-found", "No such patient."));
}
