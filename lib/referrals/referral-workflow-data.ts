import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { Actor } from "@/lib/access/actor";
import { authorize, deny, targetOf, recordId } from "@/lib/audit/guard";
import { recordAudit } from "@/lib/audit/audit-log";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { ageInYears, fromIsoDate, toIsoDate } from "@/lib/dates";
import type { DischargeSummary, ReferralDetail } from "./referral-dto";
import { visibleReferrals } from "./referral-scope";
import { courseFigures, DISCHARGE_OUTCOMES, measuredProgress, RESPONSE_FOR_OUTCOME } from "./outcomes";
import { plainText } from "@/lib/plain-text";
import type { Recommendation } from "@/lib/ladder/recommendation";
import { medicinesLeftBy, type SignedVisit } from "@/lib/patients/patient-chart";
import { referralDiagnoses, therapyPrecautions, therapyRelevance } from "./referral-booking";
import { programOf } from "./home-program-data";

// The PT clinic's side of a referral: accept or decline it, assign a therapist, record visits, discharge it back to
// the referring doctor. The discharge becomes a treatment course, which the next visit's history picks up.

const referralId = z.uuid({ error: "Referral id must be a UUID" });

type Status = "new" | "accepted" | "scheduled" | "in_progress" | "discharged" | "declined";

// Booking the first appointment (appointments-data.ts) is what moves an accepted referral to scheduled.
const TRANSITIONS: Record<"accept" | "decline" | "assign", { from: Status[]; to: Status | null }> = {
  accept: { from: ["new"], to: "accepted" },
  decline: { from: ["new", "accepted"], to: "declined" },
  // Assigning a therapist keeps the status.
  assign: { from: ["new", "accepted", "scheduled", "in_progress"], to: null },
};

const updateInput = z.object({
  referralId,
  action: z.enum(["accept", "decline", "assign"], { error: "action must be accept, decline or assign" }),
  reason: plainText(z.string().trim().max(1000), "reason", "note").optional(),
  therapistId: z.uuid({ error: "Therapist id must be a UUID" }).optional(),
});

async function findVisible(tx: Prisma.TransactionClient, actor: Actor, id: string) {
  return tx.referral.findFirst({
    where: { AND: [{ id }, visibleReferrals(actor)] },
    select: { id: true, status: true, patientId: true, toSiteId: true, classification: true, coveredVisitsLeft: true },
  });
}

export async function updateReferral(actor: Actor, input: unknown): Promise<{ status: Status }> {
  await authorize(db(), actor, "update", "referral", { action: "referral.update", entityType: "referral", entityId: targetOf(input, "referralId") });
  const { referralId: id, action, reason, therapistId } = parseInput(updateInput, input);
  if (action === "decline" && !reason) throw new AppError("invalid-input", "Say why the referral is declined.", [{ path: "reason", message: "A reason is required to decline" }]);
  if (action === "assign" && !therapistId) throw new AppError("invalid-input", "Choose a therapist.", [{ path: "therapistId", message: "Choose a therapist to assign" }]);
  const result = await db().$transaction(async (tx) => {
    const referral = await findVisible(tx, actor, id);
    if (!referral) return null;
    const transition = TRANSITIONS[action];
    if (!transition.from.includes(referral.status)) throw new AppError("conflict", `A referral that is ${referral.status.replace("_", " ")} cannot be ${{ accept: "accepted", decline: "declined", assign: "assigned" }[action]}.`);
    const status = transition.to ?? referral.status;
    if (therapistId) {
      const therapist = await tx.user.findFirst({ where: { id: therapistId, role: "physical_therapist", siteId: referral.toSiteId, active: true }, select: { id: true } });
      if (!therapist) throw new AppError("invalid-input", "Choose a therapist of this clinic.", [{ path: "therapistId", message: "Not an active therapist of this clinic" }]);
    }
    await tx.referral.update({
      where: { id },
      data: { status, ...(action === "decline" ? { declineReason: reason } : {}), ...(therapistId ? { therapistId } : action === "accept" && actor.role === "physical_therapist" ? { therapistId: actor.userId } : {}) },
    });
    await recordAudit(tx, { actor, action: "referral.update", outcome: "success", entityType: "referral", entityId: id, patientId: referral.patientId, detail: { from: referral.status, to: status, ...(therapistId ? { therapistId } : {}) } });
    return { status };
  });
  if (!result) return deny(db(), actor, { action: "referral.update", entityType: "referral", entityId: id }, new AppError("not-found", "No such referral."));
  return result;
}

const visitInput = z.object({
  referralId,
  date: z.iso.date({ error: "Visit date must be a date (YYYY-MM-DD)" }),
  attended: z.boolean({ error: "Say whether the patient attended" }),
  notes: plainText(z.string().trim().max(4000), "notes", "note").optional(),
  adherencePercent: z
    .number({ error: "Adherence must be a number" })
    .int({ error: "Adherence is a whole percentage" })
    .min(0, { error: "Adherence is 0-100%" })
    .max(100, { error: "Adherence is 0-100%" })
    .optional(),
  painScore: z.number({ error: "Pain must be a number" }).int().min(0, { error: "Pain is 0-10" }).max(10, { error: "Pain is 0-10" }).optional(),
  outcomePhase: z.enum(["intake", "mid_program", "discharge"]).optional(),
  peg: z.array(z.number({ error: "Each PEG item is a number" }).min(0, { error: "Each PEG item is 0-10" }).max(10, { error: "Each PEG item is 0-10" })).length(3, { error: "PEG needs its 3 items" }).optional(),
  odi: z
    .array(z.number({ error: "Each Oswestry section is a number" }).int({ error: "Each Oswestry section is a whole number" }).min(0, { error: "Each Oswestry section is 0-5" }).max(5, { error: "Each Oswestry section is 0-5" }).nullable())
    .length(10, { error: "Oswestry needs 10 sections (null for unanswered)" })
    .optional(),
});

export async function recordVisit(actor: Actor, input: unknown): Promise<{ id: string; visitsUsed: number; coveredVisitsLeft: number | null }> {
  await authorize(db(), actor, "create", "pt-visit", { action: "pt-visit.create", entityType: "referral", entityId: targetOf(input, "referralId") });
  const visit = parseInput(visitInput, input);
  const result = await db().$transaction(async (tx) => {
    const referral = await findVisible(tx, actor, visit.referralId);
    if (!referral) return null;
    if (!["accepted", "scheduled", "in_progress"].includes(referral.status)) throw new AppError("conflict", `Visits cannot be recorded on a referral that is ${referral.status.replace("_", " ")}.`);
    const created = await tx.ptVisit.create({
      data: {
        referralId: referral.id,
        therapistId: actor.userId,
        date: fromIsoDate(visit.date),
        attended: visit.attended,
        notes: visit.notes ?? null,
        adherencePercent: visit.adherencePercent ?? null,
        painScore: visit.painScore ?? null,
        outcomePhase: visit.outcomePhase ?? null,
        ...(visit.peg ? { peg: visit.peg } : {}),
        ...(visit.odi ? { odi: visit.odi } : {}),
      },
      select: { id: true },
    });
    if (referral.status !== "in_progress") await tx.referral.update({ where: { id: referral.id }, data: { status: "in_progress" } });
    const visitsUsed = await tx.ptVisit.count({ where: { referralId: referral.id, attended: true } });
    await recordAudit(tx, { actor, action: "pt-visit.create", outcome: "success", entityType: "pt-visit", entityId: created.id, patientId: referral.patientId, detail: { attended: visit.attended } });
    return { id: created.id, visitsUsed, coveredVisitsLeft: referral.coveredVisitsLeft === null ? null : Math.max(0, referral.coveredVisitsLeft - visitsUsed) };
  });
  if (!result) return deny(db(), actor, { action: "pt-visit.create", entityType: "referral", entityId: visit.referralId }, new AppError("not-found", "No such referral."));
  return result;
}

const dischargeInput = z.object({
  referralId,
  outcome: z.enum(DISCHARGE_OUTCOMES, { error: "Choose the outcome: improved, partly improved, not improved or worse" }),
  recommendation: plainText(z.string().trim().min(1, { error: "Write the therapist's recommendation for the referring doctor" }).max(4000), "recommendation", "note"),
  shortCourseReason: plainText(z.string().trim().max(1000), "shortCourseReason", "note").optional(),
});

/** What a course's figures are worked out from (outcomes.ts courseFigures), for the discharge and the notes alike. */
export const COURSE_VISIT_FIELDS = { date: true, attended: true, adherencePercent: true, painScore: true, peg: true, odi: true } as const;

/** Under a week of attended visits is not a course of therapy: the referring doctor must be told why it ended. */
const SHORT_COURSE_WEEKS = 1;


export async function dischargeReferral(actor: Actor, input: unknown): Promise<DischargeSummary> {
  await authorize(db(), actor, "update", "referral", { action: "referral.discharge", entityType: "referral", entityId: targetOf(input, "referralId") });
  const { referralId: id, outcome, recommendation, shortCourseReason } = parseInput(dischargeInput, input);
  const result = await db().$transaction(async (tx) => {
    const referral = await findVisible(tx, actor, id);
    if (!referral) return null;
    if (referral.status !== "in_progress") throw new AppError("conflict", `Only a referral in progress can be discharged (this one is ${referral.status.replace("_", " ")}).`);
    const visits = await tx.ptVisit.findMany({ where: { referralId: id }, orderBy: [{ date: "asc" }, { createdAt: "asc" }], select: COURSE_VISIT_FIELDS });
    const attended = visits.filter((v) => v.attended);
    const first = attended[0]?.date ?? new Date();
    const last = attended.at(-1)?.date ?? first;
    const { latestPain: _latestPain, ...figures } = courseFigures(visits);
    const summary: DischargeSummary = { outcome, recommendation, ...figures };
    if (summary.weeks < SHORT_COURSE_WEEKS) {
      if (!shortCourseReason) {
        throw new AppError("invalid-input", "Some fields need attention.", [
          { path: "shortCourseReason", message: `The attended visits span ${summary.weeks} weeks: say why the course ends so soon (the referring doctor reads it)` },
        ]);
      }
      summary.shortCourseReason = shortCourseReason;
    }
    await tx.referral.update({ where: { id }, data: { status: "discharged", discharge: summary, dischargedAt: new Date() } });
    const informed = (referral.classification as { psychologicallyInformed?: boolean } | null)?.psychologicallyInformed === true;
    await tx.treatmentCourse.create({
      data: {
        patientId: referral.patientId,
        therapy: informed ? "psychologically-informed-pt" : "physical-therapy",
        status: "completed",
        startedOn: first,
        endedOn: last,
        weeks: summary.weeks,
        sessions: summary.visitsAttended,
        adherencePercent: summary.adherencePercent,
        response: RESPONSE_FOR_OUTCOME[outcome],
        source: "referral",
        sourceId: id,
      },
    });
    await recordAudit(tx, { actor, action: "referral.discharge", outcome: "success", entityType: "referral", entityId: id, patientId: referral.patientId, detail: { outcome, visits: summary.visitsAttended } });
    return summary;
  });
  if (!result) return deny(db(), actor, { action: "referral.discharge", entityType: "referral", entityId: id }, new AppError("not-found", "No such referral."));
  return result;
}


/** The active therapists of the actor's clinic, to assign a referral to. */
export async function listClinicTherapists(actor: Actor): Promise<{ id: string; name: string }[]> {
  await authorize(db(), actor, "update", "referral", { action: "referral.update", entityType: "user" });
  if (!actor.siteId) return [];
  return db().user.findMany({ where: { organizationId: actor.organizationId, siteId: actor.siteId, role: "physical_therapist", active: true }, orderBy: { name: "asc" }, select: { id: true, name: true } });
}

/** One referral as the clinic (or the referring organization) sees it: only what the referral needs of the patient. */
export async function getReferral(actor: Actor, id: unknown): Promise<ReferralDetail> {
  await authorize(db(), actor, "read", "referral", { action: "referral.read", entityType: "referral", entityId: targetOf(id) });
  const parsedId = await recordId(db(), actor, { action: "referral.read", entityType: "referral" }, referralId, id);
  const row = await db().$transaction(async (tx) => {
    const found = await tx.referral.findFirst({
      where: { AND: [{ id: parsedId }, visibleReferrals(actor)] },
      select: {
        id: true,
        status: true,
        priority: true,
        createdAt: true,
        classification: true,
        coveredVisitsLeft: true,
        declineReason: true,
        discharge: true,
        homeProgram: true,
        payer: true,
        memberId: true,
        authorizationNumber: true,
        visitsAuthorized: true,
        authorizedUntil: true,
        patient: { select: { id: true, givenName: true, familyName: true, birthDate: true, sex: true, phone: true, email: true, preferredContact: true } },
        referringClinician: { select: { name: true, email: true, site: { select: { name: true, phone: true } } } },
        encounter: {
          select: {
            date: true,
            assessment: true,
            orders: { orderBy: [{ orderedAt: "asc" }, { position: "asc" }, { id: "asc" }], select: { kind: true, medicationAction: true, detail: true } },
            recommendations: { orderBy: { createdAt: "desc" }, take: 1, select: { output: true } },
          },
        },
        toSite: { select: { name: true } },
        therapist: { select: { name: true } },
        visits: {
          orderBy: [{ date: "asc" }, { createdAt: "asc" }],
          select: { id: true, date: true, attended: true, notes: true, adherencePercent: true, painScore: true, outcomePhase: true, peg: true, odi: true, therapist: { select: { name: true } } },
        },
      },
    });
    if (!found) return null;
    await recordAudit(tx, { actor, action: "referral.read", outcome: "success", entityType: "referral", entityId: found.id, patientId: found.patient.id });
    return found;
  });
  if (!row) return deny(db(), actor, { action: "referral.read", entityType: "referral", entityId: parsedId }, new AppError("not-found", "No such referral."));
  const classification = (row.classification ?? {}) as Partial<ReferralDetail["classification"]>;
  const visitsUsed = row.visits.filter((v) => v.attended).length;
  const referringVisit: SignedVisit = {
    date: toIsoDate(row.encounter.date),
    assessment: row.encounter.assessment as SignedVisit["assessment"],
    orders: row.encounter.orders,
    recommendation: (row.encounter.recommendations[0]?.output as Recommendation | undefined) ?? null,
  };
  return {
    id: row.id,
    status: row.status,
    priority: row.priority,
    createdAt: toIsoDate(row.createdAt),
    patient: { id: row.patient.id, name: `${row.patient.givenName} ${row.patient.familyName}`, ageYears: ageInYears(row.patient.birthDate, new Date()), sex: row.patient.sex },
    referringClinicianName: row.referringClinician.name,
    toSiteName: row.toSite.name,
    therapistName: row.therapist?.name ?? null,
    classification: {
      tbcSubgroup: classification.tbcSubgroup ?? null,
      startBackRisk: classification.startBackRisk ?? null,
      psychologicallyInformed: classification.psychologicallyInformed === true,
      painPattern: classification.painPattern ?? [],
      directionalPreference: classification.directionalPreference ?? null,
      radicular: classification.radicular === true,
      redFlagsCleared: classification.redFlagsCleared === true,
      program: classification.program ?? ["posture retraining", "core strengthening", "flexibility", "aerobic conditioning", "pain-tolerance building"],
      goals: classification.goals ?? null,
    },
    coveredVisitsLeft: row.coveredVisitsLeft,
    visitsUsed,
    progress: measuredProgress(row.visits),
    declineReason: row.declineReason,
    discharge: row.discharge,
    visits: row.visits.map((v) => ({
      id: v.id,
      date: toIsoDate(v.date),
      attended: v.attended,
      notes: v.notes,
      adherencePercent: v.adherencePercent,
      painScore: v.painScore,
      outcomePhase: v.outcomePhase,
      therapistName: v.therapist.name,
    })),
    homeProgram: programOf(row.homeProgram, classification.tbcSubgroup ?? null),
    booking: {
      contact: { phone: row.patient.phone, email: row.patient.email, preferred: row.patient.preferredContact },
      referringClinician: {
        name: row.referringClinician.name,
        email: row.referringClinician.email,
        practice: row.referringClinician.site?.name ?? null,
        practicePhone: row.referringClinician.site?.phone ?? null,
      },
      authorization: {
        payer: row.payer,
        memberId: row.memberId,
        authorizationNumber: row.authorizationNumber,
        visitsAuthorized: row.visitsAuthorized,
        visitsUsed,
        visitsLeft: row.visitsAuthorized === null ? null : Math.max(0, row.visitsAuthorized - visitsUsed),
        authorizedUntil: row.authorizedUntil ? toIsoDate(row.authorizedUntil) : null,
      },
      diagnoses: referralDiagnoses(referringVisit.assessment),
      medicines: medicinesLeftBy(referringVisit).map((m) => ({ ...m, relevance: therapyRelevance(m.drug) })),
      precautions: therapyPrecautions(referringVisit.assessment),
    },
  };
}

const authorizationInput = z.object({
  referralId,
  payer: plainText(z.string().trim().max(100, { error: "Payer is at most 100 characters" }), "payer").optional().transform((v) => v || null),
  memberId: plainText(z.string().trim().max(50, { error: "Member id is at most 50 characters" }), "memberId").optional().transform((v) => v || null),
  authorizationNumber: plainText(z.string().trim().max(50, { error: "Authorization number is at most 50 characters" }), "authorizationNumber").optional().transform((v) => v || null),
  visitsAuthorized: z.number({ error: "Visits authorized must be a number" }).int({ error: "Visits authorized is a whole number" }).min(0, { error: "Visits authorized is 0 to 200" }).max(200, { error: "Visits authorized is 0 to 200" }).nullable().default(null),
  authorizedUntil: z.union([z.literal(""), z.iso.date({ error: "Authorized until must be a date (YYYY-MM-DD)" })]).optional().transform((v) => v || null),
});

/** The clinic records the payer and its authorization (visits authorized, until when) it books and bills against. */
export async function setReferralAuthorization(actor: Actor, input: unknown): Promise<void> {
  const denial = { action: "referral.authorization" as const, entityType: "referral", entityId: targetOf(input, "referralId") };
  await authorize(db(), actor, "update", "referral", denial);
  const { referralId: id, authorizedUntil, ...fields } = parseInput(authorizationInput, input);
  const done = await db().$transaction(async (tx) => {
    const referral = await findVisible(tx, actor, id);
    if (!referral) return false;
    await tx.referral.update({ where: { id }, data: { ...fields, authorizedUntil: authorizedUntil ? fromIsoDate(authorizedUntil) : null } });
    await recordAudit(tx, { actor, action: "referral.authorization", outcome: "success", entityType: "referral", entityId: id, patientId: referral.patientId, detail: { payer: fields.payer, visitsAuthorized: fields.visitsAuthorized, authorizedUntil } });
    return true;
  });
  if (!done) await deny(db(), actor, denial, new AppError("not-found", "No such referral."));
}
